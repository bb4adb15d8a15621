const util = require('util');
const p = (v, o) => console.log(util.inspect(v, o));

p([new String('str'), new Number(3), new Boolean(true), Object(Symbol('s')), Object(10n)]);
const str = new String('ab'); str.extra = 1; p(str);
p([new Date('2020-01-02T03:04:05.678Z'), new Date(NaN), /x/gimsuy, new RegExp('a/b')]);
const d = new Date(0); d.prop = 1; p(d);
p(globalThis.Math); p(JSON); p(Reflect);
