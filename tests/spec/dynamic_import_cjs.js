import('./fixtures/exports_obj.js').then((m) => console.log(m.default.one, m.one, m['module.exports'] === m.default));
import('node:path').then((m) => console.log(m.default === require('path'), typeof m.join));
import('./fixtures/nope.mjs').catch((e) => console.log(e.code));
