const path = require('path');
console.log(module.id, path.basename(module.filename), module.loaded, module.parent === undefined || module.parent === null);
console.log(path.basename(module.path), Array.isArray(module.paths), module.paths[0].endsWith('node_modules'));
console.log(typeof module.require, module.exports === exports, this === module.exports);
setImmediate(() => console.log('loaded later', module.loaded));
