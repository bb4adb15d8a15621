// Map and Set keyed by 20,000 objects (as parsers and compilers key them by AST nodes and
// scopes): has/get over every key 20 times, then the same with WeakMap.
const { time } = require('./timer.js');
const N = 20000;
const keys = Array.from({ length: N }, (_, i) => ({ i }));
const map = new Map(keys.map((k) => [k, k.i]));
const set = new Set(keys);
const weak = new WeakMap(keys.map((k) => [k, k.i]));
time(() => {
  let sum = 0;
  for (let r = 0; r < 20; r++) {
    for (let i = 0; i < N; i++) {
      const k = keys[i];
      if (map.has(k) && set.has(k)) sum += map.get(k) + weak.get(k);
    }
  }
  if (sum !== 20 * N * (N - 1)) throw new Error(`wrong sum ${sum}`);
});
