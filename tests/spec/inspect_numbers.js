const util = require('util');
const p = (v, o) => console.log(util.inspect(v, o));

p([0, -0, 1.5, -2e-7, 1e21, NaN, -Infinity, 2 ** 53]);
p(123456789, { numericSeparator: true }); p(1234.5678, { numericSeparator: true }); p(-1234567n, { numericSeparator: true });
p([1n, -2n, 12345678901234567890n]); p(new Number(-0)); p(Object(1n));
