// DOMException: prototype getters (name, message, code) and their brand checks, the 25 legacy
// constants, names without a legacy code, options (name, cause), subclasses, stack header.
const util = require('util');
const e = new DOMException('msg', 'NotFoundError');
console.log(Object.keys(e), Object.getOwnPropertyNames(e).filter((k) => k !== 'stack'));
console.log(Object.getOwnPropertyNames(DOMException.prototype).join());
for (const k of ['name', 'message', 'code']) {
  const d = Object.getOwnPropertyDescriptor(DOMException.prototype, k);
  console.log(k, d.enumerable, typeof d.get, d.set);
  try { Reflect.get(DOMException.prototype, k, {}); } catch (x) { console.log(' ', x.name, x.code, x.message); }
}
console.log(Object.keys(DOMException).length, DOMException.DOMSTRING_SIZE_ERR, DOMException.VALIDATION_ERR,
  DOMException.URL_MISMATCH_ERR, e.DATA_CLONE_ERR, Object.getOwnPropertyDescriptor(DOMException, 'ABORT_ERR'));
for (const n of ['DOMStringSizeError', 'ValidationError', 'URLMismatchError', 'EncodingError', 'OperationError', 'TimeoutError']) {
  console.log(n, new DOMException('', n).code);
}
console.log(new DOMException().name, JSON.stringify(new DOMException().message), new DOMException('x', undefined).name,
  new DOMException('x', null).name, new DOMException(42, 7).message, new DOMException('x', 7).name);
const withCause = new DOMException('a', { name: 'DataCloneError', cause: { why: 1 } });
console.log(withCause.name, withCause.cause, Object.getOwnPropertyDescriptor(withCause, 'cause').enumerable,
  Object.hasOwn(new DOMException('x', {}), 'cause'), Object.hasOwn(new DOMException('x', { cause: undefined }), 'cause'),
  new DOMException('x', {}).name);
class Sub extends DOMException {}
const s = new Sub('m', 'AbortError');
console.log(s.name, s.code, s.message, s instanceof DOMException, s instanceof Error, util.inspect(s).split('\n')[0]);
console.log(String(e), e.stack.split('\n')[0], util.inspect(e).split('\n')[0], Object.prototype.toString.call(e));
e.message = 'ignored';
console.log(e.message);
