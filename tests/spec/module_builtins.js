const m = require('module');
console.log(m.builtinModules.includes('fs'), m.builtinModules.includes('node:test'), m.builtinModules.includes('test'));
console.log(m.isBuiltin('node:fs'), m.isBuiltin('fs/promises'), m.isBuiltin('node:test'), m.isBuiltin('test'), m.isBuiltin('x'));
console.log(require('node:fs') === require('fs'), require('fs/promises') === require('fs').promises);
console.log(typeof m.Module, typeof m.createRequire, typeof m._load, m === m.Module);
