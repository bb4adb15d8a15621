const { createRequire } = require('module');
const r = createRequire(__filename);
console.log(r('./fixtures/exports_obj.js').one, typeof r.resolve, r.resolve('dep').endsWith('cjs.js'));
const r2 = createRequire(require('url').pathToFileURL(__dirname + '/fixtures/'));
console.log(r2('./counter.js') === require('./fixtures/counter.js'));
try { createRequire('relative/path'); } catch (e) { console.log(e.code); }
