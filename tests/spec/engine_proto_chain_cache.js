'use strict';
// Property lookups along prototype chains are cached by the engine (patch 0011). Each case
// reads or writes a property through a chain, changes the chain in one way, and reads or writes
// again: the second access must see the change.

function run(name, fn) {
  try {
    console.log(name, JSON.stringify(fn()));
  } catch (e) {
    console.log(name, 'threw', e.constructor.name);
  }
}

class A { m() { return 'A'; } get g() { return 'getter A'; } }
class B extends A {}
class C extends B {}

run('method through two prototypes', () => {
  const c = new C();
  const out = [c.m(), c.m()];
  B.prototype.m = function () { return 'B'; };
  out.push(c.m());
  delete B.prototype.m;
  out.push(c.m());
  delete A.prototype.m;
  out.push(typeof c.m);
  A.prototype.m = function () { return 'A again'; };
  out.push(c.m());
  return out;
});

run('missing property, then added far up', () => {
  const c = new C();
  const out = [c.late, c.late];
  Object.prototype.late = 'on Object.prototype';
  out.push(c.late, ({}).late);
  A.prototype.late = 'on A.prototype';
  out.push(c.late);
  delete A.prototype.late;
  delete Object.prototype.late;
  out.push(c.late, ({}).late);
  return out;
});

run('own property shadows the chain', () => {
  const c = new C();
  const out = [c.m()];
  c.m = () => 'own';
  out.push(c.m());
  delete c.m;
  out.push(c.m());
  return out;
});

run('data property becomes an accessor', () => {
  const proto = { v: 1 };
  const o = Object.create(Object.create(proto));
  const out = [o.v, o.v];
  let n = 0;
  Object.defineProperty(proto, 'v', { get() { return `get ${++n}`; }, configurable: true });
  out.push(o.v, o.v);
  Object.defineProperty(proto, 'v', { value: 'plain again', configurable: true, writable: true });
  out.push(o.v);
  return out;
});

run('getter on the chain sees the receiver', () => {
  class P { get who() { return this.name; } }
  class Q extends P {}
  const a = new Q(); a.name = 'a';
  const b = new Q(); b.name = 'b';
  return [a.who, b.who, a.who, a.g === undefined];
});

run('prototype replaced in the middle of a chain', () => {
  const x = { k: 'x' };
  const y = { k: 'y' };
  const mid = Object.create(x);
  const o = Object.create(mid);
  const out = [o.k, o.k];
  Object.setPrototypeOf(mid, y);
  out.push(o.k);
  Object.setPrototypeOf(mid, null);
  out.push(o.k);
  return out;
});

run('assignment meets a setter added later', () => {
  const proto = {};
  const make = () => Object.create(Object.create(proto));
  const first = make();
  first.s = 1;
  const log = [];
  Object.defineProperty(proto, 's', { set(v) { log.push(`set ${v}`); }, configurable: true });
  const second = make();
  second.s = 2;
  delete proto.s;
  const third = make();
  third.s = 3;
  return [Object.keys(first), Object.keys(second), Object.keys(third), log];
});

run('assignment meets a read-only property', () => {
  const proto = { r: 'old' };
  const o = Object.create(Object.create(proto));
  const p = Object.create(Object.create(proto));
  o.r = 'shadow';
  Object.defineProperty(proto, 'r', { writable: false });
  let error = 'none';
  try { p.r = 'new'; } catch (e) { error = e.constructor.name; }
  return [o.r, p.r, error, Object.keys(p)];
});

run('a frozen prototype', () => {
  const proto = { f: 1 };
  const a = Object.create(proto);
  a.f = 2;
  Object.freeze(proto);
  const b = Object.create(proto);
  let error = 'none';
  try { b.f = 3; } catch (e) { error = e.constructor.name; }
  return [a.f, b.f, error];
});

run('prototypes that come and go', () => {
  // Each round makes a class, uses it and drops it, so that a later prototype may be
  // allocated where an earlier one was freed; odd rounds' classes have no id method.
  const wrong = [];
  for (let i = 0; i < 5000; i++) {
    const K = i % 2 ? class { other() { return -i; } } : class { id() { return i; } };
    const o = new K();
    const got = o.id === undefined ? 'none' : o.id();
    if (got !== (i % 2 ? 'none' : i)) wrong.push(i);
  }
  return wrong.length;
});

run('computed names made and freed', () => {
  const proto = {};
  const o = Object.create(proto);
  const wrong = [];
  for (let i = 0; i < 3000; i++) {
    const key = `key${i}`;
    if (o[key] !== undefined) wrong.push(`early ${key}`);
    if (i % 3 === 0) proto[key] = i;
    if (i % 3 === 0 && o[key] !== i) wrong.push(key);
  }
  return [wrong, o.key2997 === 2997, o.key2998];
});

run('strings, arrays and functions', () => {
  const out = ['abc'.late, [1].late, (() => 0).late];
  String.prototype.late = 's';
  Array.prototype.late = 'a';
  Function.prototype.late = 'f';
  out.push('abc'.late, [1].late, (() => 0).late, 'abc'.length, [1, 2].length);
  delete String.prototype.late;
  delete Array.prototype.late;
  delete Function.prototype.late;
  out.push('abc'.late, [1].late, (() => 0).late);
  return out;
});

run('assignment to a primitive meets a setter added later', () => {
  const log = [];
  const attempt = (v) => {
    try { v.viaSetter = 1; return 'no error'; } catch (e) { return e.constructor.name; }
  };
  const before = [attempt('x'), attempt(5), attempt(true)];
  for (const proto of [String.prototype, Number.prototype, Boolean.prototype]) {
    Object.defineProperty(proto, 'viaSetter', {
      set(v) { log.push(`${typeof this} ${String(this)} ${v}`); }, configurable: true,
    });
  }
  const during = [attempt('y'), attempt(6), attempt(false)];
  delete String.prototype.viaSetter;
  delete Number.prototype.viaSetter;
  delete Boolean.prototype.viaSetter;
  return [before, during, log, [attempt('z'), attempt(7), attempt(true)]];
});

run('a proxy on the chain', () => {
  let hits = 0;
  const proxy = new Proxy({}, { get(t, k) { hits++; return k === 'p' ? 'from proxy' : undefined; } });
  const o = Object.create(Object.create(proxy));
  return [o.p, o.p, o.q, hits];
});

run('super property access', () => {
  class Base { greet() { return 'base'; } }
  class Mid extends Base {}
  class Leaf extends Mid { greet() { return `leaf+${super.greet()}`; } }
  const l = new Leaf();
  const out = [l.greet()];
  Mid.prototype.greet = () => 'mid';
  out.push(l.greet());
  return out;
});

run('Reflect with another receiver', () => {
  const proto = { get r() { return this.tag; }, plain: 'p' };
  const o = Object.create(Object.create(proto));
  return [Reflect.get(o, 'r', { tag: 'other' }), Reflect.get(o, 'plain', {}), o.r];
});
