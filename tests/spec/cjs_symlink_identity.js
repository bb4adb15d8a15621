// require() knows a module by its real path: a symbolic link to a loaded file gives the same
// module, as in Node (without --preserve-symlinks).
const path = require('path');
const a = require('./fixtures/symlinks/real.js');
const b = require('./fixtures/symlinks/link.js');
console.log(a === b, globalThis.__loads, path.basename(require.resolve('./fixtures/symlinks/link.js')));
console.log(Object.keys(require.cache).filter((k) => k.includes('symlinks')).map((k) => path.basename(k)));
