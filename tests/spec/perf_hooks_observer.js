'use strict';
// PerformanceObserver: its options and errors, entry lists, buffered entries, and when its
// callback runs (in the check phase, before setImmediate callbacks queued later).
const { performance, PerformanceObserver, PerformanceObserverEntryList } = require('perf_hooks');

const attempt = (f) => {
  try {
    return f();
  } catch (e) {
    return `${e.name} ${e.code} ${e.message}`;
  }
};
console.log(attempt(() => new PerformanceObserver()));
console.log(attempt(() => new PerformanceObserver(() => {}).observe()));
console.log(attempt(() => new PerformanceObserver(() => {}).observe(1)));
console.log(attempt(() => new PerformanceObserver(() => {}).observe({ entryTypes: ['mark'], type: 'mark' })));
console.log(attempt(() => new PerformanceObserver(() => {}).observe({ entryTypes: 'mark' })));
console.log(attempt(() => new PerformanceObserverEntryList()));
console.log(['mark', 'measure', 'function'].map((t) => PerformanceObserver.supportedEntryTypes.includes(t)));

performance.mark('early', { startTime: 1 });
function add(a, b) { return a + b; }
const timed = performance.timerify(add);

const obs = new PerformanceObserver((list, observer) => {
  console.log('observer', observer === obs, list instanceof PerformanceObserverEntryList);
  console.log(list.getEntries().map((e) => [e.name, e.entryType, e.detail]));
  console.log(list.getEntriesByType('mark').map((e) => e.name), list.getEntriesByName('b').length,
    list.getEntriesByName('b', 'measure').length);
  observer.disconnect();
});
obs.observe({ entryTypes: ['mark', 'function', 'no-such-type'] });
performance.mark('b', { startTime: 1e9 + 3, detail: 'bee' });
console.log('sum', timed(2, 3));
performance.mark('a', { startTime: 1e9 + 2 });

const buffered = new PerformanceObserver((list, observer) => {
  console.log('buffered', list.getEntries().map((e) => e.name));
  observer.disconnect();
});
buffered.observe({ type: 'mark', buffered: true });

const records = new PerformanceObserver(() => console.log('never called'));
records.observe({ type: 'measure' });
performance.measure('m1', { start: 1, end: 2 });
console.log('takeRecords', records.takeRecords().map((e) => e.name), records.takeRecords().length);
records.disconnect();

setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('microtask'));
