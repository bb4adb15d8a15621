const util = require('util');
console.log(util.format('%s %s', 'one'));
console.log(util.format('%d', '0x10'), util.format('%i', 3.9), util.format('%f', 'x'));
console.log(util.format('no args %s'), util.format(1, 2, 'three'));
console.log(util.format('%s', { toString() { return 'custom'; } }), util.format('%s', [1, [2]]), util.format('%s', 5n));
console.log(util.format('%j', { a: { b: 1 } }), util.format('%O', { a: [1, 2] }));
const circ = {}; circ.c = circ; console.log(util.format('%j', circ));
console.log(util.format('%s', null, undefined), util.format('100%'), util.format('%%s', 1));
