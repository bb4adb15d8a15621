// util.inspect of errors whose `stack` is not a string: missing, falsy, or another value.
const cases = [null, undefined, 0, 42, '', 'custom text', 'Error: z\ncustom', {a:1}, false, true, 'RangeError: z'];
for (const c of cases) {
  const g = new Error('z'); g.stack = c;
  console.log(JSON.stringify(require('util').inspect(g)));
}
const r = new RangeError('q'); r.stack = 'plain';
console.log(JSON.stringify(require('util').inspect(r)));
class MyErr extends Error {}; const m = new MyErr('w'); m.stack = null; console.log(JSON.stringify(require('util').inspect(m)));
const n = new Error('v'); n.name = 'Custom'; n.stack = null; console.log(JSON.stringify(require('util').inspect(n)));
