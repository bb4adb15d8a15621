import { setTimeout as sleep, setImmediate as immediate } from 'node:timers/promises';
const log = [];
await Promise.all([
  sleep(30).then(() => log.push('sleep 30')),
  sleep(10).then(() => log.push('sleep 10')),
  immediate().then(() => log.push('immediate')),
]);
console.log(log.join(', '));
console.log(await sleep(1, { complex: [1] }));
try { await sleep(1, null, { signal: 'bad' }); } catch (e) { console.log(e.code); }
try { await sleep(1, null, { ref: 'bad' }); } catch (e) { console.log(e.code); }
