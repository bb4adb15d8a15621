const util = require('util');
const e = new Error('boom');
console.log(util.inspect(e).split('\n')[0]);
const t = new TypeError('bad type');
console.log(util.inspect(t).split('\n')[0]);
const withProps = new Error('props'); withProps.code = 'E_CODE'; withProps.extra = 1;
const s = util.inspect(withProps);
console.log(s.split('\n')[0], s.endsWith("code: 'E_CODE',\n  extra: 1\n}"));
const c = new Error('outer', { cause: new Error('inner') });
console.log(util.inspect(c).includes('[cause]: Error: inner'));
class MyError extends Error {}
console.log(util.inspect(new MyError('mine')).split('\n')[0]);
class NamedError extends Error { constructor(m) { super(m); this.name = 'NamedError'; } }
console.log(util.inspect(new NamedError('named')).split('\n')[0]);
console.log(util.inspect({ err: new RangeError('nested') }).split('\n')[0]);
const noStack = new Error('nostack'); noStack.stack = undefined; console.log(util.inspect(noStack));
console.log(String(new Error('str')), e.name, e.message, typeof e.stack);
