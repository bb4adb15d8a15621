const p = require.resolve('./fixtures/counter.js');
const a = require('./fixtures/counter.js');
const b = require('./fixtures/counter.js');
console.log(a === b, a.count, Object.keys(require.cache).includes(p));
delete require.cache[p];
const c = require('./fixtures/counter.js');
console.log(c === a, c.count);
