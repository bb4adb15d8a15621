const a = new AbortController(); const b = new AbortController();
const any = AbortSignal.any([a.signal, b.signal]);
any.onabort = () => console.log('any aborted', any.reason);
b.abort('b reason');
a.abort(); console.log(a.signal.reason instanceof DOMException, a.signal.reason.name);
console.log(AbortSignal.abort().reason.message);
try { new AbortSignal(); } catch (e) { console.log(e.name); }
const c = new AbortController(); c.abort(new Error('custom')); console.log(c.signal.reason.message);
c.signal.addEventListener('abort', () => console.log('never: already aborted'));
