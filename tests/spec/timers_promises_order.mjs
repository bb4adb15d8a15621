import { setTimeout as sleep, setImmediate as immediate } from 'node:timers/promises';
const log = [];
await Promise.all([
  sleep(5).then(() => log.push('sleep 5')),
  sleep(1).then(() => log.push('sleep 1')),
  immediate().then(() => log.push('immediate')),
]);
console.log(log.join(', '));
console.log(await sleep(1, { complex: [1] }));
try { await sleep(1, null, { signal: 'bad' }); } catch (e) { console.log(e.code); }
try { await sleep(1, null, { ref: 'bad' }); } catch (e) { console.log(e.code); }
