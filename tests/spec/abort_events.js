const ac = new AbortController();
ac.signal.addEventListener('abort', (e) => console.log('abort event', e.type, ac.signal.aborted));
ac.abort();
console.log(ac.signal.reason.name, ac.signal.reason.message);
const s = AbortSignal.abort('why'); console.log(s.aborted, s.reason);
const t = new EventTarget(); const ev = new Event('ping');
t.addEventListener('ping', (e) => console.log('ping', e.target === t), { once: true });
t.dispatchEvent(ev); t.dispatchEvent(new Event('ping'));
const ce = new CustomEvent('c', { detail: { v: 1 } }); console.log(ce.detail);
const d = new DOMException('msg', 'AbortError'); console.log(d.name, d.message, d.code, d instanceof Error);
try { s.throwIfAborted(); } catch (e) { console.log('threw', e); }
