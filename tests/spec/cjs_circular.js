const a = require('./fixtures/circ_a.js');
console.log(a.done, a.bSawA, require('./fixtures/circ_b.js').done);
