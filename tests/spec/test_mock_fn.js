// node:test's mock.fn / method / getter / setter / property: calls and accesses are recorded,
// implementations swap for all calls, one call or the first n, and restoring puts properties back.
const { mock } = require('node:test');

const add = mock.fn(function add(a, b) { return a + b; });
console.log(add.name, add.length, add(1, 2), add.mock.callCount());
const call = add.mock.calls[0];
console.log(Object.keys(call), call.arguments, call.result, call.error, call.target, call.this, call.stack instanceof Error);
console.log(add.mock.calls === add.mock.calls, Object.getOwnPropertyNames(Object.getPrototypeOf(add.mock)));

const thrower = mock.fn(() => { throw new Error('boom'); });
try { thrower(5); } catch (e) { console.log('threw', e.message); }
console.log(thrower.mock.calls[0].error.message, thrower.mock.calls[0].result);

const h = mock.fn(() => 1, () => 2, { times: 2 });
console.log(h(), h(), h(), h.mock.callCount());
h.mock.mockImplementationOnce(() => 9);
console.log(h(), h());
h.mock.mockImplementationOnce(() => 8, h.mock.callCount() + 1);
console.log(h(), h(), h());
h.mock.mockImplementation(() => 7);
console.log(h());
h.mock.restore();
console.log(h());
h.mock.resetCalls();
console.log(h.mock.callCount());

class A { constructor(x) { this.x = x; } }
const C = mock.fn(A);
const a = new C(4);
console.log(a, a instanceof A, C.mock.calls[0].target === A, C.mock.calls[0].result === a);

const o = { v: 3, m(x) { return x * this.v; } };
const m = mock.method(o, 'm');
console.log(o.m(2), m === o.m, o.m.mock.calls[0].this === o);
mock.method(o, 'm', (x) => -x);
console.log(o.m(2));
mock.restoreAll();
console.log(o.m === m, o.m(2), Object.keys(o));

const inherited = Object.create({ greet() { return 'hi'; } });
mock.method(inherited, 'greet', () => 'mocked');
console.log(inherited.greet(), Object.keys(inherited));
mock.reset();
console.log(inherited.greet(), Object.keys(inherited));

const g = { get x() { return 1; }, set y(v) { this._y = v; } };
const getter = mock.getter(g, 'x', () => 5);
console.log(g.x, getter.mock.callCount());
const setter = mock.setter(g, 'y');
g.y = 10;
console.log(g._y, setter.mock.calls[0].arguments);
mock.restoreAll();
console.log(g.x);

const p = { a: 1 };
const pm = mock.property(p, 'a', 5);
pm.mock.mockImplementationOnce(7);
console.log(p.a, p.a);
p.a = 3;
console.log(p.a, pm.mock.accessCount(), pm.mock.accesses.map((x) => [x.type, x.value]), pm.a, pm === p);
pm.mock.restore();
console.log(p.a, Object.getOwnPropertyDescriptor(p, 'a'));

for (const f of [
  () => mock.fn(1),
  () => mock.fn(() => {}, { times: 0 }),
  () => h.mock.mockImplementationOnce(() => 1, -1),
  () => mock.method(o, 'nope'),
  () => mock.method(o, 'v'),
  () => mock.method(null, 'm'),
  () => mock.method(o, 'm', { getter: true, setter: true }),
  () => mock.property(p, 'zz'),
]) {
  try { f(); } catch (e) { console.log(e.code, e.message); }
}
