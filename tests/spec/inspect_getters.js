const util = require('util');
const p = (v, o) => console.log(util.inspect(v, o));

const o = { get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {} };
p(o); p(o, { getters: true }); p(o, { getters: 'get' }); p(o, { getters: 'set' });
p(Object.defineProperty({}, 'hidden', { value: 1 }), { showHidden: true });
p(Object.defineProperty([1], 'x', { value: 2, enumerable: false }), { showHidden: true });
