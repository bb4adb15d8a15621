import { setInterval } from 'node:timers/promises';
let n = 0;
for await (const v of setInterval(1, 'tick')) {
  console.log(v, ++n);
  if (n === 3) break;
}
console.log('done');
