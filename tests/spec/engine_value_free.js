'use strict';
// Values of every kind made and dropped in loops: each is freed when its last reference goes
// (strings, ropes, objects, arrays, closures, symbols, bigints, typed arrays), and the memory
// comes back, so the heap stays where it was however many rounds run.
function round(i) {
  const s = `value ${i}`;
  let rope = '';
  for (let k = 0; k < 20; k++) rope += s;
  const o = { s, n: i, nested: { list: [i, s, [rope.length]] } };
  const f = () => o.n + rope.length;
  const sym = Symbol(s);
  const big = BigInt(i) ** 5n;
  const bytes = new Uint8Array(64).fill(i & 255);
  const m = new Map([[o, sym], [sym, big]]);
  return f() + Number(big % 7n) + bytes[3] + m.size + sym.description.length;
}

function run(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += round(i);
  return sum;
}

console.log(run(1000));
globalThis.gc?.();
const before = process.memoryUsage().heapUsed;
const total = run(200000);
const grown = process.memoryUsage().heapUsed - before;
console.log(total);
// Without freeing, 200,000 rounds would keep hundreds of megabytes.
console.log('heap grew less than 128 MB:', grown < 128 * 1024 * 1024);
