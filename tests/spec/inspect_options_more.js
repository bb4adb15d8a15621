const util = require('util');
const p = (v, o) => console.log(util.inspect(v, o));

const obj = { b: [1, 2, 3, 4, 5, 6, 7, 8], a: { x: 'long text value here', y: 'another longer text value' } };
p(obj, { compact: true }); p(obj, { compact: false }); p(obj, { compact: 1 }); p(obj, { breakLength: Infinity });
p(obj, { sorted: true, compact: 3 }); p(['a', 'b'], { maxArrayLength: 0 }); p('x'.repeat(30), { maxStringLength: 4 });
p(new Proxy({ a: 1 }, {}), { showProxy: true }); p(new Proxy([1], { get: () => 5 }));
