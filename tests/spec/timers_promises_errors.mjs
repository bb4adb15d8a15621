// timers/promises: argument errors (as rejections, or on the iterator's first next()), the
// scheduler's class and receiver checks, and the timer functions' callback errors.
import tp from 'timers/promises';
import timers from 'timers';

const show = (label, p) => p.then(
  (v) => console.log(label, 'ok', v),
  (e) => console.log(label, e.name, e.code, e.message));

await show('setTimeout options=5', tp.setTimeout(1, 'v', 5));
await show('setTimeout signal=5', tp.setTimeout(1, 'v', { signal: 5 }));
await show('setTimeout ref=5', tp.setTimeout(1, 'v', { ref: 5 }));
await show('setTimeout delay string', tp.setTimeout('abc', 'v'));
await show('setTimeout delay null', tp.setTimeout(null, 'v'));
await show('setTimeout no delay', tp.setTimeout());
await show('setTimeout aborted', tp.setTimeout(1, 'v', { signal: AbortSignal.abort() }));
await show('setImmediate options=null', tp.setImmediate('v', null));
await show('setImmediate ok', tp.setImmediate('v'));
await show('setInterval options=5', tp.setInterval(1, 'x', 5).next());
await show('setInterval delay string', tp.setInterval('abc').next());
await show('setInterval aborted', tp.setInterval(1, 'x', { signal: AbortSignal.abort() }).next());
await show('scheduler.wait options=5', tp.scheduler.wait(1, 5));
await show('scheduler.wait delay string', tp.scheduler.wait('x'));
await show('scheduler.wait ok', tp.scheduler.wait(1));
await show('scheduler.yield ok', tp.scheduler.yield());

const ac = new AbortController();
const pending = tp.scheduler.wait(1e6, { signal: ac.signal });
ac.abort();
await show('scheduler.wait aborted later', pending);

for (const [label, fn] of [
  ['new Scheduler', () => new tp.scheduler.constructor()],
  ['wait on another this', () => tp.scheduler.wait.call({}, 1)],
  ['yield on another this', () => tp.scheduler.yield.call({})],
  ['setTimeout(1)', () => timers.setTimeout(1)],
  ['setInterval(null)', () => timers.setInterval(null)],
  ['setImmediate()', () => timers.setImmediate()],
  ['setTimeout({})', () => setTimeout({})],
  ['nextTick(1)', () => process.nextTick(1)],
  ['queueMicrotask(1)', () => queueMicrotask(1)],
]) {
  try {
    fn();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
console.log(tp.scheduler.constructor.name, Object.getOwnPropertyNames(Object.getPrototypeOf(tp.scheduler)).sort().join());
console.log(Object.keys(tp).join());

let n = 0;
for await (const v of tp.setInterval(1, 'tick')) {
  if (++n === 3) break;
}
console.log('interval iterator yielded', n);
