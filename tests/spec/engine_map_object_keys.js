'use strict';
// Map, Set, WeakMap and WeakSet with many object and symbol keys (engine patch 0009 changes how
// they are hashed): lookups, deletions, re-insertions, insertion order and mixed key types.
const N = 50000;
const objs = Array.from({ length: N }, (_, i) => ({ i }));
const syms = Array.from({ length: 1000 }, (_, i) => Symbol(`s${i}`));
const fns = Array.from({ length: 1000 }, (_, i) => function f() { return i; });

const map = new Map();
for (const o of objs) map.set(o, o.i);
for (const s of syms) map.set(s, s.description);
for (const f of fns) map.set(f, f());
map.set(1, 'one').set('1', 'string one').set(1n, 'bigint one').set(NaN, 'nan').set(-0, 'zero');
console.log(map.size, map.get(objs[12345]), map.get(syms[999]), map.get(fns[7]), map.get(1), map.get('1'),
  map.get(1n), map.get(NaN), map.get(0), map.has({ i: 5 }), map.has(Symbol('s5')));

// Every other object key deleted, then put back: it goes to the end of the order.
for (let i = 0; i < N; i += 2) map.delete(objs[i]);
let missing = 0;
for (let i = 0; i < N; i++) if (map.has(objs[i]) !== (i % 2 === 1)) missing++;
map.set(objs[0], 'back');
const order = [...map.keys()];
console.log(map.size, missing, order[0].i, order[order.length - 1] === objs[0], map.get(objs[0]));

const set = new Set(objs);
for (const s of syms) set.add(s);
let found = 0;
for (const o of objs) if (set.has(o)) found++;
for (const s of syms) if (set.has(s)) found++;
set.delete(objs[3]);
console.log(set.size, found, set.has(objs[3]), [...set][0] === objs[0], [...set].at(-1) === syms[999]);

const weak = new WeakMap();
const weakSet = new WeakSet();
for (const o of objs) { weak.set(o, o.i * 2); weakSet.add(o); }
for (const s of syms) weak.set(s, s.description);
let sum = 0;
for (const o of objs) if (weakSet.has(o)) sum += weak.get(o);
console.log(sum, weak.get(syms[10]), weak.has({}), weakSet.has(objs[0]), weak.delete(objs[1]), weak.has(objs[1]));

// Keys that are equal by SameValueZero still meet in one entry; distinct objects never do.
const m2 = new Map([[objs[1], 'a']]);
m2.set(objs[1], 'b');
m2.set({ i: 1 }, 'c');
console.log(m2.size, m2.get(objs[1]));
