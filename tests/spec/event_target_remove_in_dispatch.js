// EventTarget: a listener removed (directly or by aborting its signal) while an event is being
// dispatched is not called for that event; one added during dispatch waits for the next.
const et = new EventTarget();
const ac = new AbortController();
const later = () => console.log('later (must not run)');
et.addEventListener('x', () => { console.log('first'); et.removeEventListener('x', later); });
et.addEventListener('x', later);
et.addEventListener('x', () => { console.log('aborting'); ac.abort(); }, { signal: new AbortController().signal });
et.addEventListener('x', () => console.log('signalled (must not run)'), { signal: ac.signal });
et.addEventListener('x', () => {
  console.log('adding');
  et.addEventListener('x', () => console.log('added'));
}, { once: true });
et.dispatchEvent(new Event('x'));
console.log('--');
et.dispatchEvent(new Event('x'));
