const util = require('util');
console.log(JSON.stringify(util.inspect({ n: 1, s: 's', b: true, u: undefined, nl: null, sym: Symbol('x'), big: 1n, d: new Date(0), r: /x/ }, { colors: true })));
console.log(JSON.stringify(util.format('%o', [1])), JSON.stringify(util.formatWithOptions({ colors: true }, 'x', [1, 'y'])));
console.log(Object.keys(util.inspect.colors).length > 20, util.inspect.styles.number, util.inspect.styles.string);
