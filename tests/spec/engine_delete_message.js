'use strict';
// Deleting a property that cannot be deleted, in strict code: V8's TypeError names the property
// and the object ("#<Ctor>", a function by its source, "[object Class]" otherwise); no getter
// of the object runs while the message is made.
const cases = [
  () => { delete Object.freeze({ a: 1 }).a; },
  () => { delete Object.freeze([1])[0]; },
  () => { delete process.exitCode; },
  () => { class Foo { constructor() { Object.defineProperty(this, 'x', { value: 1 }); } } delete new Foo().x; },
  () => { delete Object.freeze(Object.create(null, { y: { value: 1 } })).y; },
  () => { delete Math.PI; },
  () => { const s = Symbol('s'); const o = {}; Object.defineProperty(o, s, { value: 1 }); delete o[s]; },
  () => { delete 'abc'[0]; },
  () => { function f() {} delete f.prototype; },
  () => { const m = new Map(); Object.defineProperty(m, 'k', { value: 1 }); delete m.k; },
  () => {
    const o = Object.defineProperty({}, 'z', { value: 1 });
    Object.defineProperty(o, 'constructor', { get() { throw new Error('getter ran'); } });
    delete o.z;
  },
];
for (const c of cases) {
  try { c(); console.log('no throw'); } catch (e) { console.log(`${e.constructor.name}: ${e.message}`); }
}
console.log(Reflect.deleteProperty(Object.freeze({ a: 1 }), 'a'));
