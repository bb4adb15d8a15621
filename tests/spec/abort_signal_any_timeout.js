// AbortSignal.any/timeout/abort, throwIfAborted, onabort, abort order, argument errors, inspect.
const util = require('util');
const show = (label, err) => console.log(label, err.name, err.code, err.message);

{
  const a = new AbortController();
  const b = new AbortController();
  const any = AbortSignal.any([a.signal, b.signal]);
  const nested = AbortSignal.any([any]);
  const log = [];
  any.onabort = (e) => log.push(`any onabort ${e.type} ${any.aborted} ${nested.aborted}`);
  any.addEventListener('abort', () => log.push(`any listener ${any.reason}`));
  nested.addEventListener('abort', () => log.push(`nested ${nested.reason}`));
  b.signal.addEventListener('abort', () => log.push(`source ${any.aborted}`));
  b.abort('because');
  a.abort('later');
  console.log(log.join('\n'));
  console.log(any.reason, nested.reason, typeof any.onabort);
  any.onabort = null;
  console.log('onabort cleared', any.onabort);
}
{
  const s = AbortSignal.any([new AbortController().signal, AbortSignal.abort('first'), AbortSignal.abort('second')]);
  console.log('already aborted', s.aborted, s.reason);
  console.log('empty', AbortSignal.any([]).aborted);
}
for (const bad of [1, undefined, [1], [new AbortController().signal, {}]]) {
  try { AbortSignal.any(bad); } catch (e) { show('any', e); }
}
for (const bad of [-1, 1.5, 'a', 2 ** 32]) {
  try { AbortSignal.timeout(bad); } catch (e) { show('timeout', e); }
}
{
  const s = AbortSignal.abort();
  console.log('abort default', s.reason.name, s.reason.message, s.reason.code, s.reason instanceof DOMException);
  try { s.throwIfAborted(); } catch (e) { console.log('throwIfAborted', e === s.reason); }
  const ac = new AbortController();
  ac.signal.throwIfAborted();
  ac.abort();
  console.log('controller default', ac.signal.reason.name, ac.signal.reason.message);
  ac.abort('ignored');
  console.log('abort twice keeps the first reason', ac.signal.reason.name);
  const ac2 = new AbortController();
  ac2.signal.addEventListener('abort', (e) => console.log('event', e.isTrusted, e.target === ac2.signal));
  ac2.abort(undefined);
  console.log('undefined reason', ac2.signal.reason.name);
}
{
  const tries = {
    'new AbortSignal': () => new AbortSignal(),
    'aborted getter': () => Reflect.get(AbortSignal.prototype, 'aborted', {}),
    'reason getter': () => Reflect.get(AbortSignal.prototype, 'reason', {}),
    'throwIfAborted this': () => AbortSignal.prototype.throwIfAborted.call({}),
    'abort this': () => AbortController.prototype.abort.call({}),
  };
  for (const [label, fn] of Object.entries(tries)) {
    try { fn(); console.log(label, 'no error'); } catch (e) { show(label, e); }
  }
}
{
  const ac = new AbortController();
  console.log(util.inspect(ac), util.inspect(ac.signal), util.inspect(AbortSignal.abort()));
  console.log(util.inspect({ a: { b: ac } }, { depth: 1 }));
  console.log(Object.prototype.toString.call(ac), Object.prototype.toString.call(ac.signal));
  console.log(Object.keys(AbortSignal.prototype).join(), Object.keys(AbortController.prototype).join());
}
{
  const s = AbortSignal.timeout(5);
  s.addEventListener('abort', () => console.log('timeout fired', s.reason.name, s.reason.message, s.reason.code));
  // The unref'd timer alone would not keep the process alive.
  setTimeout(() => console.log('waited'), 50);
}
