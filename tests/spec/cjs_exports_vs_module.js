const a = require('./fixtures/exports_obj.js');
const b = require('./fixtures/module_exports_fn.js');
console.log(a, typeof b, b(), b.extra);
