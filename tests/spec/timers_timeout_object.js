'use strict';
// The Timeout object: its primitive (an integer that clearTimeout accepts, also as a string),
// refresh, hasRef/ref/unref, close, and Symbol.dispose; Immediate's ref state.
const order = [];

const a = setTimeout(() => order.push('a must not run'), 5);
const id = +a;
console.log('primitive', typeof a[Symbol.toPrimitive], Number.isInteger(id), id === +a, `${a}` === String(id));
clearTimeout(id);
const b = setTimeout(() => order.push('b must not run'), 5);
clearTimeout(`${+b}`);
const c = setInterval(() => order.push('c must not run'), 5);
clearInterval(+c);

const d = setTimeout(() => order.push('d'), 1);
console.log('hasRef', d.hasRef(), d.unref().hasRef(), d.ref().hasRef(), d.ref() === d, d.unref() === d);
d.ref();
console.log('close returns the timer', d.close() === d, 'destroyed', d._destroyed);

const e = setTimeout(() => order.push('e'), 10);
console.log('refresh returns the timer', e.refresh() === e);

const f = setTimeout(() => order.push('f must not run'), 5);
f[Symbol.dispose]();

const imm = setImmediate(() => order.push('immediate'));
console.log('immediate hasRef', imm.hasRef(), imm.unref().hasRef(), imm.ref().hasRef());
const gone = setImmediate(() => order.push('cleared immediate must not run'));
clearImmediate(gone);

// clearTimeout of things that are not timers is ignored.
clearTimeout(undefined); clearTimeout(null); clearTimeout({}); clearTimeout('nope'); clearTimeout(123456);
clearImmediate(undefined); clearImmediate({});

// A timer cleared by its primitive after it has run is a no-op; refresh on a running interval.
let runs = 0;
const g = setInterval(() => {
  runs++;
  if (runs === 1) g.refresh();
  if (runs === 3) {
    clearInterval(g);
    setTimeout(() => console.log(order.join(','), 'interval runs', runs), 20);
  }
}, 2);
