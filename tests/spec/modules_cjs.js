const a = require('./fixtures/cjs_a');
console.log(a.name, a.b.seenA, a.b.answer);
console.log(require('./fixtures/data.json'), require('./fixtures/data') === require('./fixtures/data.json'));
console.log(require('dep'), require('dep/sub'));
console.log(require.resolve('./fixtures/cjs_b').endsWith('tests/spec/fixtures/cjs_b.js'));
console.log(typeof require.cache, require.main === module, module.id, typeof __dirname);
try { require('./nope'); } catch (e) { console.log(e.code, e.message.split('\n')[0]); }
try { require('dep/private'); } catch (e) { console.log(e.code); }
try { require('node:nope'); } catch (e) { console.log(e.code, e.message); }
console.log(require('node:path') === require('path'), require('module').isBuiltin('fs'), require('module').isBuiltin('nope'));
const esm = require('./fixtures/esm/sync.mjs'); console.log(esm.sync);
