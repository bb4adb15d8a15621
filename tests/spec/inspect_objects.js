console.log({});
console.log({ a: 1, 'b-c': 2, nested: { deeper: { deepest: { gone: 1 } } } });
console.log([1, [2, [3, [4, [5]]]]]);
console.log(Object.create(null));
const o = Object.create(null); o.x = 1; console.log(o);
class Point { constructor() { this.x = 1; this.y = 2; } }
console.log(new Point(), [new Point()]);
class Empty {} console.log(new Empty());
console.log({ f() {}, g: () => 1, h: function named() {}, k: class K {}, l: class extends Point {} });
console.log({ [Symbol('sym')]: 1, get g() { return 1; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} });
const circ = { name: 'c' }; circ.self = circ; circ.list = [circ]; console.log(circ);
console.log(new Map([['a', 1], [{ k: 1 }, [1]]]), new Set(), new Map(), new Set([1, 'two']));
console.log(new WeakMap(), new WeakSet());
console.log([undefined, null, , 3, , , 6]);
console.log(Object.assign([1, 2], { extra: true }));
