const t = setTimeout(() => console.log('never'), 1000);
console.log(typeof t, t.hasRef(), t.unref() === t, t.hasRef(), t.ref().hasRef());
clearTimeout(t);
const imm = setImmediate(() => console.log('never immediate'));
clearImmediate(imm);
const prim = setTimeout(() => console.log('never prim'), 5);
console.log(typeof +prim);
clearTimeout(+prim);
const u = setTimeout(() => console.log('unref never'), 50);
u.unref();
// Each step starts the next, so the order does not depend on timing.
setImmediate((a, b) => {
  console.log('immediate args', a, b);
  setTimeout((x) => {
    console.log('timeout arg', x);
    let n = 0;
    const iv = setInterval(() => {
      n++;
      if (n === 3) {
        clearInterval(iv);
        console.log('interval ran', n);
        const r = setTimeout(() => console.log('refreshed', r.hasRef()), 5);
        r.refresh();
      }
    }, 1);
  }, 1, 'x');
}, 1, 2);
