const util = require('util');
const p = (v, o) => console.log(util.inspect(v, o));

const e = new Error('inner'); e.stack = 'Error: inner\n    at fake (file.js:1:1)';
p({ err: e }); p([e]);
const withCode = new TypeError('typed'); withCode.stack = 'TypeError: typed\n    at x (y.js:2:3)'; withCode.code = 'E_T';
p(withCode);
const noStack = new RangeError('range'); noStack.stack = '';
p(noStack);
const named = new Error('n'); named.name = 'CustomName'; named.stack = 'CustomName: n\n    at z (z.js:1:1)'; p(named);
