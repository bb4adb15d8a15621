'use strict';
// Objects built by the same code share the engine's shapes step by step (patch 0012). Each case
// builds objects that share shapes, then changes one of them: the others must not see it, and
// every object keeps its own keys, order, values and attributes.

function run(name, fn) {
  try {
    console.log(name, JSON.stringify(fn()));
  } catch (e) {
    console.log(name, 'threw', e.constructor.name, e.message);
  }
}

class Point {
  constructor(x, y) { this.x = x; this.y = y; }
}

class Message {
  tag = 'msg';
  constructor(id) {
    this.id = id;
    this.headers = null;
    this.body = '';
    this.done = false;
  }
}

function build(i) {
  const o = {};
  o.a = i; o.b = i + 1;
  if (i % 2) o.odd = true; else o.even = true;
  o.c = i + 2;
  return o;
}

run('same code, same keys in the same order', () => {
  const list = [];
  for (let i = 0; i < 6; i++) list.push(build(i));
  return list.map((o) => Object.keys(o).join(',') + '=' + Object.values(o).join(','));
});

run('one object changed, its siblings not', () => {
  const a = new Point(1, 2);
  const b = new Point(3, 4);
  const c = new Point(5, 6);
  delete a.x;
  Object.defineProperty(b, 'y', { enumerable: false });
  Object.freeze(c);
  let error = 'none';
  try { c.x = 9; } catch (e) { error = e.constructor.name; }
  const d = new Point(7, 8);
  d.z = 9;
  return [Object.keys(a), Object.keys(b), b.y, Object.isFrozen(c), error,
    Object.keys(d), Object.isFrozen(d), Object.getOwnPropertyDescriptor(d, 'y')];
});

run('class fields and constructor stores', () => {
  const list = [];
  for (let i = 0; i < 4; i++) {
    const m = new Message(i);
    if (i === 2) m.extra = 'x';
    list.push(m);
  }
  list[1].body = 'changed';
  return list.map((m) => JSON.stringify(m));
});

run('the same keys reached in different orders', () => {
  const p = {}; p.k1 = 1; p.k2 = 2; p.k3 = 3;
  const q = {}; q.k3 = 3; q.k1 = 1; q.k2 = 2;
  const r = {}; r.k1 = 1; r.k2 = 2; r.k3 = 3;
  delete r.k2;
  r.k2 = 'again';
  return [Object.keys(p), Object.keys(q), Object.keys(r), r.k2];
});

run('many named properties', () => {
  const make = () => {
    const o = {};
    o.p0 = 0; o.p1 = 1; o.p2 = 2; o.p3 = 3; o.p4 = 4; o.p5 = 5; o.p6 = 6; o.p7 = 7;
    o.p8 = 8; o.p9 = 9; o.p10 = 10; o.p11 = 11; o.p12 = 12; o.p13 = 13; o.p14 = 14;
    o.p15 = 15; o.p16 = 16; o.p17 = 17; o.p18 = 18; o.p19 = 19; o.p20 = 20; o.p21 = 21;
    o.p22 = 22; o.p23 = 23; o.p24 = 24; o.p25 = 25; o.p26 = 26; o.p27 = 27; o.p28 = 28;
    o.p29 = 29; o.p30 = 30; o.p31 = 31; o.p32 = 32; o.p33 = 33; o.p34 = 34; o.p35 = 35;
    return o;
  };
  const a = make();
  const b = make();
  b.p40 = 40;
  delete a.p3;
  const c = make();
  return [Object.keys(a).length, Object.keys(b).length, Object.keys(c).length,
    Object.values(c).reduce((s, v) => s + v, 0), 'p3' in a, 'p3' in c, b.p40, c.p40];
});

run('computed keys and parsed JSON', () => {
  const maps = [];
  for (let i = 0; i < 200; i++) {
    const m = {};
    for (let k = 0; k < 40; k++) m[`key${i}_${k}`] = k;
    maps.push(m);
  }
  const parsed = JSON.parse(JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ id: i, name: `n${i}` }))));
  parsed[3].added = true;
  return [maps.length, Object.keys(maps[199]).length, maps[150].key150_39, Object.keys(maps[0])[5],
    Object.keys(parsed[3]), Object.keys(parsed[4])];
});

run('prototypes of objects sharing shapes', () => {
  const protoA = { who() { return 'A'; } };
  const protoB = { who() { return 'B'; } };
  const a = Object.create(protoA); a.n = 1; a.m = 2;
  const b = Object.create(protoA); b.n = 1; b.m = 2;
  Object.setPrototypeOf(b, protoB);
  const c = Object.create(protoA); c.n = 1; c.m = 2;
  return [a.who(), b.who(), c.who(), Object.keys(b)];
});

run('fields and stores on a proxy returned by a base constructor', () => {
  const log = [];
  const handler = {
    defineProperty(t, k, d) { log.push(`define ${k} ${JSON.stringify(d)}`); return Reflect.defineProperty(t, k, d); },
    set(t, k, v, r) { log.push(`set ${k} ${v}`); return Reflect.set(t, k, v, r); },
  };
  class Base { constructor() { return new Proxy({}, handler); } }
  class Derived extends Base { field = 1; constructor() { super(); this.stored = 2; } }
  const d = new Derived();
  return [log, Object.getOwnPropertyDescriptors(d)];
});

run('objects made and dropped in a loop', () => {
  let sum = 0;
  for (let i = 0; i < 20000; i++) {
    const o = new Point(i, 1);
    o.z = i % 3;
    if (i % 7 === 0) delete o.y;
    sum += o.x + (o.y ?? 0) + o.z;
  }
  return sum;
});
