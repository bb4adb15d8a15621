'use strict';
// performance.mark/measure: their entries, options and errors, and the buffered timeline.
const { performance, PerformanceEntry, PerformanceMark, PerformanceMeasure } = require('perf_hooks');

const attempt = (f) => {
  try {
    return f();
  } catch (e) {
    return `${e.name} ${e.code} ${e.message}`;
  }
};
const show = (e) => (e instanceof PerformanceEntry ? JSON.stringify(e) : e);

console.log(attempt(() => performance.mark()));
console.log(attempt(() => performance.mark('a', { startTime: -1 })));
console.log(attempt(() => performance.mark('a', { startTime: 'x' })));
console.log(attempt(() => performance.mark('a', 1)));
console.log(attempt(() => performance.mark('a', { detail: Symbol('s') })));
console.log(attempt(() => performance.measure()));
console.log(attempt(() => performance.measure('m', 'nope')));
console.log(attempt(() => performance.measure('m', 'nope', 'nope2')));
console.log(attempt(() => performance.measure('m', { start: 1, end: 2, duration: 3 })));
console.log(attempt(() => performance.measure('m', { start: 1 }, 'x')));
console.log(attempt(() => performance.measure('m', { start: -1 })));
console.log(attempt(() => new PerformanceEntry()));
console.log(attempt(() => new PerformanceMeasure()));
console.log(attempt(() => new PerformanceMark()));

const detail = { a: [1, 2] };
const x = performance.mark('x', { startTime: 5, detail });
console.log(x, show(x), Object.keys(x), x.detail === detail, x.detail.a[1]);
console.log(x instanceof PerformanceEntry, x.constructor.name, String(x), x.duration);
performance.mark('y', { startTime: 8 });
performance.mark(42, { startTime: 9 });
console.log(show(new PerformanceMark('own', { startTime: 1, detail: 'd' })));
console.log(show(performance.measure('x-y', 'x', 'y')));
console.log(show(performance.measure('opts', { start: 'x', end: 'y', detail: [7] })));
console.log(show(performance.measure('start+duration', { start: 5, duration: 2 })));
console.log(show(performance.measure('end-duration', { end: 9, duration: 2 })));
console.log(show(performance.measure('numbers', { start: 2, end: 3 })));
console.log(show(performance.measure('to y', undefined, 'y')));
console.log(show(performance.measure('numeric mark', { start: '42', end: 9 })));

console.log(performance.getEntries().map((e) => `${e.entryType}:${e.name}@${e.startTime}`));
console.log(performance.getEntriesByType('mark').map((e) => e.name));
console.log(performance.getEntriesByType('measure').map((e) => e.name));
console.log(performance.getEntriesByType('bogus'));
console.log(performance.getEntriesByName('x').map((e) => e.entryType));
console.log(performance.getEntriesByName('x', 'measure'));
console.log(attempt(() => performance.getEntriesByName()), attempt(() => performance.getEntriesByType()));
performance.clearMarks('x');
console.log(performance.getEntriesByType('mark').map((e) => e.name));
performance.clearMeasures('x-y');
console.log(performance.getEntriesByType('measure').map((e) => e.name));
performance.clearMarks();
performance.clearMeasures();
console.log(performance.getEntries());
console.log(typeof performance.now(), typeof performance.timeOrigin, Object.keys(performance.toJSON()));
console.log(Object.prototype.toString.call(performance), performance.eventLoopUtilization === require('perf_hooks').eventLoopUtilization);
