const ns = require('./fixtures/esm/lib.mjs');
console.log(ns.value, ns.default, ns.double(2), Object.keys(ns));
try { require('./fixtures/esm/tla.mjs'); } catch (e) { console.log(e.code); }
