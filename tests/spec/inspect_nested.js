const util = require('util');
const p = (v, o) => console.log(util.inspect(v, o));

p({ a: { b: { c: { d: { e: 1 } } } } });
p({ a: { b: { c: { d: { e: 1 } } } } }, { depth: null });
p([[[[['deep']]]]]);
p({ arr: [{ x: 1 }, { y: [2, 3] }], map: new Map([['k', { v: new Set([1]) }]]) });
p({ a: 1, b: 'two', c: [3], d: { e: null, f: undefined }, g: () => {}, h: Symbol('h') });
