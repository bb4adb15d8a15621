'use strict';
// inspect: prototype accessors with showHidden and getters, colour aliases, URLs without their
// custom inspect, numeric separators in format, AssertionError's own inspect.
const util = require('util');
class X {
  constructor() { this._y = 123; }
  get y() { return this._y; }
  set z(v) { void v; }
  method() {}
}
console.log(util.inspect(new X(), { showHidden: true }));
console.log(util.inspect(new X(), { showHidden: true, getters: true }));
class Y extends X { get w() { return [1, 2]; } }
console.log(util.inspect(new Y(), { showHidden: true, getters: true }));
console.log(util.inspect(new Y()));
console.log(Object.keys(util.inspect.colors).length, Object.getOwnPropertyNames(util.inspect.colors).length, util.inspect.colors.grey, util.inspect.colors.faint);
console.log(util.inspect(new URL('http://a.test/x?y'), { customInspect: false }));
console.log(util.formatWithOptions({ numericSeparator: true }, '%d %i %s %d', 1234567, 7654321.9, 1000000, 12345678901234567890n));
console.log(util.format('%d', 1234567));
try {
  require('assert').strictEqual('A\n'.repeat(20), 'b');
} catch (e) {
  console.log(util.inspect(e).split('\n').filter((l) => !l.startsWith('    at ')).join('\n'));
}
console.log(util.inspect(Object.setPrototypeOf(new Number(3), null)), util.inspect(Object.create(Map.prototype)));
