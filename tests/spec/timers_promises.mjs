import { setTimeout as sleep, setImmediate as immediate } from 'node:timers/promises';
import timers from 'timers';
console.log(await sleep(5, 'slept'));
console.log(await immediate('immediate'));
const ac = new AbortController();
const p = sleep(1000, null, { signal: ac.signal });
ac.abort();
try { await p; } catch (e) { console.log(e.name, e.code); }
console.log(typeof timers.setTimeout);
