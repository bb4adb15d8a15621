// EventTarget and Event details: options, capture identity, once, passive, handleEvent, phases,
// stopImmediatePropagation, recursion, brand checks, argument errors, inspect output.
const util = require('util');
const show = (label, err) => console.log(label, err.name, err.code, err.message);

const et = new EventTarget();
const order = [];
const f = (e) => order.push(`f:${e.eventPhase}:${e.currentTarget === et}`);
et.addEventListener('a', f);
et.addEventListener('a', f); // duplicate: ignored
const g = () => order.push('capture');
et.addEventListener('a', g, { capture: true });
et.addEventListener('a', g, true); // the same registration
et.addEventListener('a', { handleEvent(e) { order.push(`obj:${this !== et}`); } });
et.addEventListener('a', function () { order.push(`this:${this === et}`); }, { once: true });
console.log('dispatch returns', et.dispatchEvent(new Event('a')));
console.log(order.join(' '));
order.length = 0;
et.removeEventListener('a', g); // the capture flag differs: nothing removed
et.dispatchEvent(new Event('a'));
console.log(order.join(' '));

// After dispatch: target stays, currentTarget and eventPhase reset.
{
  const ev = new Event('b');
  console.log('before', ev.target, ev.currentTarget, ev.eventPhase, ev.composedPath());
  et.addEventListener('b', (e) => console.log('during', e.target === et, e.eventPhase, e.composedPath().length));
  et.dispatchEvent(ev);
  console.log('after', ev.target === et, ev.currentTarget, ev.eventPhase, ev.composedPath());
}

// preventDefault: only cancelable events, never in passive listeners.
{
  const t = new EventTarget();
  t.addEventListener('c', (e) => e.preventDefault(), { passive: true });
  console.log('passive', t.dispatchEvent(new Event('c', { cancelable: true })));
  const t2 = new EventTarget();
  t2.addEventListener('c', (e) => { e.preventDefault(); console.log('returnValue', e.returnValue, e.defaultPrevented); });
  console.log('cancelable', t2.dispatchEvent(new Event('c', { cancelable: true })));
  console.log('not cancelable', t2.dispatchEvent(new Event('c')));
  const ev = new Event('d', { cancelable: true });
  ev.returnValue = false;
  console.log('returnValue setter', ev.defaultPrevented);
  ev.cancelBubble = true;
  console.log('cancelBubble', ev.cancelBubble);
}

// stopImmediatePropagation stops later listeners.
{
  const t = new EventTarget();
  t.addEventListener('s', (e) => { console.log('first'); e.stopImmediatePropagation(); });
  t.addEventListener('s', () => console.log('second (not printed)'));
  t.dispatchEvent(new Event('s'));
}

// Re-dispatching an event during its dispatch is an error.
{
  const t = new EventTarget();
  t.addEventListener('r', (e) => {
    try { t.dispatchEvent(e); } catch (err) { show('recursion', err); }
  });
  t.dispatchEvent(new Event('r'));
}

// A removed listener does not run even within the current dispatch; an added one does not either.
{
  const t = new EventTarget();
  const second = () => console.log('second ran (not printed)');
  t.addEventListener('m', () => {
    t.removeEventListener('m', second);
    t.addEventListener('m', () => console.log('added during dispatch (not printed)'));
    console.log('first ran');
  });
  t.addEventListener('m', second);
  t.dispatchEvent(new Event('m'));
}

// A signal removes the listener; an aborted one never adds it.
{
  const t = new EventTarget();
  const ac = new AbortController();
  t.addEventListener('g', () => console.log('signal listener ran'), { signal: ac.signal });
  t.dispatchEvent(new Event('g'));
  ac.abort();
  t.dispatchEvent(new Event('g'));
  t.addEventListener('g', () => console.log('never'), { signal: AbortSignal.abort() });
  t.dispatchEvent(new Event('g'));
}

// Argument errors and brand checks.
const tries = {
  'new Event()': () => new Event(),
  'new Event(x, 1)': () => new Event('x', 1),
  'new CustomEvent()': () => new CustomEvent(),
  'addEventListener()': () => et.addEventListener('x'),
  'addEventListener(x, 1)': () => et.addEventListener('x', 1),
  'addEventListener signal': () => et.addEventListener('x', () => {}, { signal: 1 }),
  'removeEventListener()': () => et.removeEventListener('x'),
  'dispatchEvent(1)': () => et.dispatchEvent(1),
  'dispatchEvent()': () => et.dispatchEvent(),
  'Event type getter': () => Reflect.get(Event.prototype, 'type', {}),
  'Event preventDefault': () => Event.prototype.preventDefault.call({}),
  'CustomEvent detail getter': () => Reflect.get(CustomEvent.prototype, 'detail', new Event('x')),
  'EventTarget method': () => EventTarget.prototype.addEventListener.call({}, 'x', () => {}),
  'dispatchEvent this': () => EventTarget.prototype.dispatchEvent.call({}, new Event('x')),
  'MessageEvent data getter': () => Reflect.get(MessageEvent.prototype, 'data', {}),
  'new MessageEvent()': () => new MessageEvent(),
};
for (const [label, fn] of Object.entries(tries)) {
  try { fn(); console.log(label, 'no error'); } catch (e) { show(label, e); }
}

// Details of the classes.
{
  const ce = new CustomEvent('hello', { detail: { n: 1 }, cancelable: true, bubbles: true, composed: true });
  console.log(ce.detail, ce.bubbles, ce.composed, ce.cancelable, ce.isTrusted, new CustomEvent('x').detail);
  const me = new MessageEvent('message', { data: [1], origin: 'o', lastEventId: 7 });
  console.log(me.data, me.origin, me.lastEventId, me.source, me.ports, me instanceof Event);
  console.log(Event.NONE, Event.AT_TARGET, new Event('x').BUBBLING_PHASE, typeof new Event('x').timeStamp);
  console.log(Object.keys(Event.prototype).sort().join());
  console.log(Object.keys(EventTarget.prototype).join(), Object.keys(CustomEvent.prototype).join(),
    Object.keys(MessageEvent.prototype).join());
  console.log(String(new Event('x')), String(new EventTarget()), String(ce));
  console.log(util.inspect(new EventTarget()), util.inspect(new Event('x'), { depth: -1 }));
  console.log(util.inspect({ nested: { deeper: new EventTarget() } }, { depth: 1 }));
  const ev = new Event('init');
  ev.initEvent('renamed', true, true);
  console.log('initEvent', ev.type, ev.bubbles, ev.cancelable);
}

// A listener's exception is reported as uncaught; the dispatch continues.
{
  const t = new EventTarget();
  process.on('uncaughtException', (err) => console.log('uncaught', err.message));
  t.addEventListener('e', () => { throw new Error('listener threw'); });
  t.addEventListener('e', () => console.log('next listener ran'));
  t.dispatchEvent(new Event('e'));
  console.log('dispatch finished');
}
