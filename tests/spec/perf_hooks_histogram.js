'use strict';
// createHistogram: HdrHistogram's buckets (3 significant figures by default), its statistics
// and percentiles, the argument errors, and timerify's histogram option.
const { createHistogram, performance, monitorEventLoopDelay } = require('perf_hooks');

const attempt = (f) => {
  try {
    return f();
  } catch (e) {
    return `${e.name} ${e.code} ${e.message}`;
  }
};
const empty = createHistogram();
console.log(empty);
console.log(empty.min, empty.max, empty.mean, empty.stddev, empty.count, empty.exceeds, empty.percentile(50));
console.log(empty.minBigInt, empty.percentiles, empty.toJSON());

const h = createHistogram();
h.record(1);
h.record(100);
h.record(3n);
console.log(h.min, h.max, h.mean, h.stddev, h.count, h.percentiles, h.percentile(50), h.percentile(100));
console.log(h.minBigInt, h.maxBigInt, h.countBigInt, h.exceedsBigInt, h.percentileBigInt(99), h.percentilesBigInt);
console.log(h.toJSON());
console.log(h);

const big = createHistogram();
big.record(1e6 + 3);
big.record(5000);
console.log(big.min, big.max, big.mean, big.percentiles, big.percentile(99), big.percentile(1));
for (let i = 1; i <= 1000; i++) big.record(i * 997);
console.log(big.min, big.max, big.mean, big.stddev, big.count);
console.log(big.percentiles);
console.log([10, 25, 50, 90, 99, 99.9, 100].map((p) => big.percentile(p)));

h.add(big);
console.log(h.count, h.min, h.max);
h.reset();
console.log(h.count, h.min, h.max, h.mean);

const small = createHistogram({ lowest: 10, highest: 100000, figures: 2 });
for (const v of [5, 10, 333, 99999, 100001, 12345]) small.record(v);
console.log(small.toJSON());

for (const v of [0, -1, 1.5, '1', 2 ** 53, 0n]) console.log('record', String(v), attempt(() => h.record(v)));
for (const p of [0, 101, 'x', NaN]) console.log('percentile', String(p), attempt(() => h.percentile(p)));
console.log(attempt(() => h.add(1)));
console.log(attempt(() => createHistogram(1)));
console.log(attempt(() => createHistogram({ lowest: 0 })));
console.log(attempt(() => createHistogram({ highest: 1 })));
console.log(attempt(() => createHistogram({ lowest: 10, highest: 15 })));
console.log(attempt(() => createHistogram({ figures: 6 })));
console.log(attempt(() => monitorEventLoopDelay({ resolution: 0 })));
console.log(attempt(() => monitorEventLoopDelay(1)));

const d = createHistogram();
d.recordDelta();
console.log('after one recordDelta', d.count);

const timed = createHistogram();
const f = performance.timerify(function twice(x) { return 2 * x; }, { histogram: timed });
console.log(f.name, f.length, f(21), timed.count, timed.min > 0);
console.log(attempt(() => performance.timerify(1)));
console.log(attempt(() => performance.timerify(() => {}, { histogram: 1 })));
console.log(performance.timerify(f) === performance.timerify(f));
class Point { constructor(x) { this.x = x; } }
const P = performance.timerify(Point);
console.log(new P(4) instanceof Point, new P(5).x);
const eld = monitorEventLoopDelay();
console.log(eld.enable(), eld.enable(), eld.disable(), eld.disable());
