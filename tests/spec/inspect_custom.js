const util = require('util');
const p = (v, o) => console.log(util.inspect(v, o));

class Money { constructor(v) { this.v = v; } [util.inspect.custom](depth, opts, inspect) { return `Money<${inspect(this.v, opts)}>`; } }
p(new Money(5)); p({ wallet: [new Money(1), new Money(2)] });
p({ [util.inspect.custom]: () => ({ replaced: true }) });
p({ inner: { [util.inspect.custom]: (d) => `depth=${d}` } });
p(new Money(3), { customInspect: false });
console.log(util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
