'use strict';
// node:perf_hooks — performance.now/timeOrigin/mark/measure.
const timers = internalBinding('timers');
const timeOrigin = timers.wallMs() - timers.now();

class PerformanceEntry {
  constructor(name, entryType, startTime, duration, detail) {
    Object.defineProperties(this, {
      name: { value: name, enumerable: true }, entryType: { value: entryType, enumerable: true },
      startTime: { value: startTime, enumerable: true }, duration: { value: duration, enumerable: true },
      detail: { value: detail ?? null, enumerable: true },
    });
  }
  toJSON() { return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail }; }
}
class PerformanceMark extends PerformanceEntry {}
class PerformanceMeasure extends PerformanceEntry {}

const entries = [];
class Performance {
  now() { return timers.now(); }
  get timeOrigin() { return timeOrigin; }
  mark(name, options = {}) {
    if (typeof name !== 'string') name = String(name);
    const e = new PerformanceMark(name, 'mark', options.startTime ?? timers.now(), 0, options.detail);
    entries.push(e);
    return e;
  }
  measure(name, startOrOptions, endMark) {
    const find = (m) => {
      if (m === undefined) return undefined;
      if (typeof m === 'number') return m;
      const e = entries.findLast((x) => x.name === m && x.entryType === 'mark');
      if (!e) {
        const { DOMException } = require('internal/dom_exception');
        throw new DOMException(`The "${m}" performance mark has not been set`, 'SyntaxError');
      }
      return e.startTime;
    };
    let start, end, detail;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      start = find(startOrOptions.start) ?? 0;
      end = find(startOrOptions.end) ?? (startOrOptions.duration !== undefined ? start + startOrOptions.duration : timers.now());
      detail = startOrOptions.detail;
    } else {
      start = find(startOrOptions) ?? 0;
      end = find(endMark) ?? timers.now();
    }
    const e = new PerformanceMeasure(name, 'measure', start, end - start, detail);
    entries.push(e);
    return e;
  }
  getEntries() { return entries.slice(); }
  getEntriesByName(name, type) { return entries.filter((e) => e.name === name && (type === undefined || e.entryType === type)); }
  getEntriesByType(type) { return entries.filter((e) => e.entryType === type); }
  clearMarks(name) { remove('mark', name); }
  clearMeasures(name) { remove('measure', name); }
  toJSON() { return { timeOrigin }; }
}
function remove(type, name) {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === type && (name === undefined || entries[i].name === name)) entries.splice(i, 1);
  }
}
Object.defineProperty(Performance.prototype, Symbol.toStringTag, { value: 'Performance', configurable: true });
Performance.prototype.eventLoopUtilization = require('internal/errors').thrower('performance.eventLoopUtilization');
Performance.prototype.timerify = require('internal/errors').thrower('performance.timerify');
const performance = new Performance();
const { thrower } = require('internal/errors');
module.exports = {
  performance, Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure,
  PerformanceObserver: thrower('perf_hooks.PerformanceObserver'),
  monitorEventLoopDelay: thrower('perf_hooks.monitorEventLoopDelay'),
  createHistogram: thrower('perf_hooks.createHistogram'),
  constants: { NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1, NODE_PERFORMANCE_GC_INCREMENTAL: 8, NODE_PERFORMANCE_GC_WEAKCB: 16 },
};
