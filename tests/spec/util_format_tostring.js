'use strict';
// util.format('%s'): which objects print through their own toString or Symbol.toPrimitive and
// which are inspected; null-prototype collections.
const util = require('util');
class Foo { toString() { return 'Bar'; } }
class Bar { abc = true; }
class B extends Foo {}
function C() {}
C.prototype.toString = function () { return 'Custom'; };
const prim = { [Symbol.toPrimitive](hint) { return hint === 'string' ? 'as string' : 42; } };
console.log(util.format('%s|%s|%s|%s|%s', new Foo(), new Bar(), new B(), new C(), prim));
console.log(util.format('%s', new Date('2023-10-01T00:00:00Z')) === util.inspect(new Date('2023-10-01T00:00:00Z')));
console.log(util.format('%s %s', Symbol('s'), [1, [2, [3]]]));
console.log(util.inspect(Object.setPrototypeOf(new Map([[1, { a: 1 }]]), null)), util.inspect(Object.setPrototypeOf(new Set([1, 2]), null)));
console.log(util.format('%d %i', 12345678, 987654321n), util.formatWithOptions({ numericSeparator: true }, '%d %i', 12345678, 987654321n));
