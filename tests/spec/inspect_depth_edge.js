const util = require('util');
const o = { a: [{ b: { c: {} } }] };
console.log(util.inspect(o, { depth: 0 }), util.inspect(o, { depth: 1 }), util.inspect(o, { depth: -1 }));
console.log(util.inspect(new Map([[{ a: { b: {} } }, 1]]), { depth: 0 }), util.inspect([[[]]], { depth: 0 }));
console.log(util.inspect({ a: new Set([{ x: {} }]) }, { depth: 1 }));
