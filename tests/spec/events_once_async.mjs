import { EventEmitter, once } from 'node:events';
const e = new EventEmitter();
setTimeout(() => e.emit('ready', 1, 2), 1);
console.log(await once(e, 'ready'));
setTimeout(() => e.emit('error', new Error('failed')), 1);
try { await once(e, 'never'); } catch (err) { console.log('rejected', err.message); }
const ac = new AbortController(); setTimeout(() => ac.abort(), 1);
try { await once(e, 'never2', { signal: ac.signal }); } catch (err) { console.log(err.name, err.code); }
const t = new EventTarget(); setTimeout(() => t.dispatchEvent(new Event('ping')), 1);
const [ev] = await once(t, 'ping'); console.log(ev.type);
