// events.once and events.on: arguments, errors, abort signals, EventTarget sources, watermarks.
import { EventEmitter, once, on, addAbortListener, getEventListeners, setMaxListeners, getMaxListeners } from 'node:events';

const show = (label, err) => console.log(label, err.name, err.code, err.message);

// once: arguments array, the error event rejects, listeners are cleaned up.
{
  const ee = new EventEmitter();
  process.nextTick(() => ee.emit('data', 1, 2));
  console.log('once args', await once(ee, 'data'), ee.listenerCount('data'), ee.listenerCount('error'));
  const err = new Error('boom');
  process.nextTick(() => ee.emit('error', err));
  try { await once(ee, 'data'); } catch (e) { console.log('once rejects', e === err, ee.listenerCount('data')); }
  process.nextTick(() => ee.emit('error', err));
  console.log('once error event', (await once(ee, 'error'))[0] === err);
}
// once: option checks reject (once is async).
for (const opts of [1, 'x', null]) {
  await once(new EventEmitter(), 'x', opts).catch((e) => show('once options', e));
}
await once(new EventEmitter(), 'x', { signal: {} }).catch((e) => show('once signal', e));
await once(1, 'x').catch((e) => show('once emitter', e));
// once with a signal.
{
  const ee = new EventEmitter();
  const ac = new AbortController();
  const p = once(ee, 'foo', { signal: ac.signal });
  ac.abort('why');
  try { await p; } catch (e) { console.log('once aborted', e.name, e.code, e.message, e.cause, ee.listenerCount('foo'), ee.listenerCount('error')); }
  try { await once(ee, 'foo', { signal: AbortSignal.abort() }); } catch (e) { console.log('once pre-aborted', e.name, e.cause.name); }
}
// once on an EventTarget resolves with the event.
{
  const et = new EventTarget();
  const p = once(et, 'ping');
  et.dispatchEvent(new Event('ping'));
  const [ev] = await p;
  console.log('once target', ev instanceof Event, ev.type, getEventListeners(et, 'ping').length);
  const ac = new AbortController();
  const p2 = once(et, 'ping', { signal: ac.signal });
  ac.abort();
  try { await p2; } catch (e) { console.log('once target aborted', e.name, getEventListeners(et, 'ping').length); }
}

// on: iteration, the error event ends it, return() removes listeners.
{
  const ee = new EventEmitter();
  process.nextTick(() => { ee.emit('x', 1); ee.emit('x', 2, 3); ee.emit('error', new Error('stop')); });
  const seen = [];
  try {
    for await (const args of on(ee, 'x')) seen.push(args);
  } catch (e) { console.log('on error', e.message, seen, ee.listenerCount('x'), ee.listenerCount('error')); }
  const it = on(ee, 'y');
  ee.emit('y', 'a');
  console.log('on next', await it.next());
  console.log('on return', await it.return(), ee.listenerCount('y'));
  console.log('on after return', await it.next());
}
for (const opts of [1, null]) {
  try { on(new EventEmitter(), 'x', opts); } catch (e) { show('on options', e); }
}
for (const key of ['highWaterMark', 'lowWaterMark', 'highWatermark']) {
  for (const v of [0, 1.5, 'a']) {
    try { on(new EventEmitter(), 'x', { [key]: v }); } catch (e) { show(`on ${key}`, e); }
  }
}
try { on(new EventEmitter(), 'x', { signal: 'x' }); } catch (e) { show('on signal', e); }
try { on(new EventEmitter(), 'x', { signal: AbortSignal.abort() }); } catch (e) { show('on pre-aborted', e); }
try { on(new EventEmitter(), 'x').throw(1); } catch (e) { show('on throw', e); }
// on: a signal ends iteration with an AbortError; the close option ends it quietly.
{
  const ee = new EventEmitter();
  const ac = new AbortController();
  const it = on(ee, 'x', { signal: ac.signal });
  const p = it.next();
  ac.abort();
  try { await p; } catch (e) { console.log('on aborted', e.name, ee.listenerCount('x')); }
  const it2 = on(ee, 'x', { close: ['end'] });
  ee.emit('x', 1);
  ee.emit('end');
  console.log('on close', await it2.next(), await it2.next(), ee.listenerCount('end'));
}
// on: high/low water marks pause and resume the emitter.
{
  const ee = new EventEmitter();
  const log = [];
  ee.pause = () => log.push('pause');
  ee.resume = () => log.push('resume');
  const it = on(ee, 'x', { highWaterMark: 2, lowWaterMark: 1 });
  ee.emit('x', 1); ee.emit('x', 2); ee.emit('x', 3); ee.emit('x', 4);
  log.push('emitted');
  for (let i = 0; i < 4; i++) log.push((await it.next()).value[0]);
  console.log('watermarks', log.join(' '));
  await it.return();
}
// on over an EventTarget yields the events.
{
  const et = new EventTarget();
  const it = on(et, 'tick');
  et.dispatchEvent(new Event('tick'));
  const { value } = await it.next();
  console.log('on target', value.length, value[0].type);
  await it.return();
  console.log('on target removed', getEventListeners(et, 'tick').length);
}

// addAbortListener
{
  try { addAbortListener(); } catch (e) { show('addAbortListener none', e); }
  try { addAbortListener({}, () => {}); } catch (e) { show('addAbortListener object', e); }
  try { addAbortListener(new AbortController().signal, 'x'); } catch (e) { show('addAbortListener listener', e); }
  const ac = new AbortController();
  ac.signal.addEventListener('abort', (e) => e.stopImmediatePropagation());
  const d = addAbortListener(ac.signal, (e) => console.log('abort listener runs', e.type, e.target === ac.signal));
  console.log('disposable', typeof d[Symbol.dispose], Object.getPrototypeOf(d));
  ac.abort();
  const ac2 = new AbortController();
  addAbortListener(ac2.signal, () => console.log('disposed listener ran')) [Symbol.dispose]();
  ac2.abort();
  addAbortListener(AbortSignal.abort(), (...args) => console.log('already aborted', args.length));
  console.log('sync end');
  await null;
}

// getEventListeners / setMaxListeners / getMaxListeners over both kinds.
{
  const ee = new EventEmitter();
  const et = new EventTarget();
  const f = () => {};
  ee.on('a', f); et.addEventListener('a', f);
  console.log('listeners', getEventListeners(ee, 'a').length, getEventListeners(et, 'a')[0] === f, getEventListeners(et, 'b'));
  setMaxListeners(3, ee, et);
  console.log('max', getMaxListeners(ee), getMaxListeners(et), getMaxListeners(new EventTarget()), getMaxListeners(new AbortController().signal));
  for (const bad of [1, {}]) {
    try { getEventListeners(bad, 'a'); } catch (e) { show('getEventListeners', e); }
    try { getMaxListeners(bad); } catch (e) { show('getMaxListeners', e); }
    try { setMaxListeners(1, bad); } catch (e) { show('setMaxListeners', e); }
  }
  for (const n of [-1, NaN, '1']) {
    try { setMaxListeners(n); } catch (e) { show('setMaxListeners n', e); }
  }
}
