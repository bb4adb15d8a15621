'use strict';
// Reading a property that a module in a require cycle has not exported yet warns once per
// access, naming the property; exports that are not plain objects, or marked __esModule, do not.
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning:', w.name, w.message));
const a = require('./fixtures/circ_warn_a.js');
console.log(Object.getPrototypeOf(a) === Object.prototype, a.done);
