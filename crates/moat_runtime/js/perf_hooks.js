'use strict';
// node:perf_hooks — the performance timeline (marks, measures, timerified functions and their
// observers), histograms, and the event loop's delay and utilization.

const { codes } = require('internal/errors');
const { validateFunction, validateObject, validateInteger, validateNumber } = require('internal/validators');
const timers = internalBinding('timers');

const now = () => timers.now();
const kInspect = Symbol.for('nodejs.util.inspect.custom');
// Only built-in code holds this: it lets the constructors that users may not call make entries.
const kInternal = Symbol('kInternal');

function inspectAs(name, object, depth, options) {
  if (depth < 0) return `${name} {}`;
  const { inspect } = require('util');
  return `${name} ${inspect(object, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
}

function cloneDetail(detail) {
  if (detail === undefined || detail === null) return null;
  return structuredClone(detail);
}

function invalidTimestamp(value) {
  const err = new TypeError(`${value} is not a valid timestamp`);
  Object.defineProperty(err, 'code', { value: 'ERR_PERFORMANCE_INVALID_TIMESTAMP', enumerable: true, writable: true, configurable: true });
  require('internal/errors').fixStack(err);
  return err;
}

function invalidMeasureOptions(message) {
  const err = new TypeError(message);
  Object.defineProperty(err, 'code', { value: 'ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', enumerable: true, writable: true, configurable: true });
  require('internal/errors').fixStack(err);
  return err;
}

class PerformanceEntry {
  #name;
  #type;
  #start;
  #duration;
  constructor(token, name, type, start, duration) {
    if (token !== kInternal) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    this.#name = name;
    this.#type = type;
    this.#start = start;
    this.#duration = duration;
  }
  get name() { return this.#name; }
  get entryType() { return this.#type; }
  get startTime() { return this.#start; }
  get duration() { return this.#duration; }
  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration };
  }
  [kInspect](depth, options) { return inspectAs(this.constructor.name, this.toJSON(), depth, options); }
}
Object.defineProperty(PerformanceEntry.prototype, Symbol.toStringTag, { value: 'PerformanceEntry', configurable: true });

// An entry with a `detail`: marks, measures, timerified calls.
class DetailedEntry extends PerformanceEntry {
  #detail;
  constructor(token, name, type, start, duration, detail) {
    super(token, name, type, start, duration);
    this.#detail = detail;
  }
  get detail() { return this.#detail; }
  toJSON() { return { ...super.toJSON(), detail: this.detail }; }
}

class PerformanceMark extends DetailedEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (options !== undefined) validateObject(options, 'options');
    let startTime = options?.startTime;
    if (startTime === undefined) startTime = now();
    else {
      validateNumber(startTime, 'startTime');
      if (startTime < 0) throw invalidTimestamp(startTime);
    }
    super(kInternal, name, 'mark', startTime, 0, cloneDetail(options?.detail));
  }
}
Object.defineProperty(PerformanceMark.prototype, Symbol.toStringTag, { value: 'PerformanceMark', configurable: true });

class PerformanceMeasure extends DetailedEntry {
  constructor(token, name, start, duration, detail) {
    super(token, name, 'measure', start, duration, detail);
  }
}
Object.defineProperty(PerformanceMeasure.prototype, Symbol.toStringTag, { value: 'PerformanceMeasure', configurable: true });

// A fetch's timing (fetch()'s "mark resource timing"): its fetch timing info, as the Fetch
// standard names its times, read through the Resource Timing names.
class PerformanceResourceTiming extends PerformanceEntry {
  #timing;
  #initiatorType;
  #cacheMode;
  #deliveryType;
  #responseStatus;
  constructor(token, name, timing, initiatorType, cacheMode, deliveryType, responseStatus) {
    super(token, name, 'resource', timing.startTime, timing.endTime - timing.startTime);
    this.#timing = timing;
    this.#initiatorType = initiatorType;
    this.#cacheMode = cacheMode;
    this.#deliveryType = deliveryType;
    this.#responseStatus = responseStatus;
  }
  get initiatorType() { return this.#initiatorType; }
  get workerStart() { return this.#timing.finalServiceWorkerStartTime; }
  get redirectStart() { return this.#timing.redirectStartTime; }
  get redirectEnd() { return this.#timing.redirectEndTime; }
  get fetchStart() { return this.#timing.postRedirectStartTime; }
  get domainLookupStart() { return this.#timing.finalConnectionTimingInfo?.domainLookupStartTime; }
  get domainLookupEnd() { return this.#timing.finalConnectionTimingInfo?.domainLookupEndTime; }
  get connectStart() { return this.#timing.finalConnectionTimingInfo?.connectionStartTime; }
  get connectEnd() { return this.#timing.finalConnectionTimingInfo?.connectionEndTime; }
  get secureConnectionStart() { return this.#timing.finalConnectionTimingInfo?.secureConnectionStartTime; }
  get nextHopProtocol() { return this.#timing.finalConnectionTimingInfo?.ALPNNegotiatedProtocol; }
  get requestStart() { return this.#timing.finalNetworkRequestStartTime; }
  get responseStart() { return this.#timing.finalNetworkResponseStartTime; }
  get responseEnd() { return this.#timing.endTime; }
  get encodedBodySize() { return this.#timing.encodedBodySize; }
  get decodedBodySize() { return this.#timing.decodedBodySize; }
  // A response from the cache transferred nothing; a revalidated one its headers (300 bytes,
  // as the standard counts them); others their headers and body.
  get transferSize() {
    if (this.#cacheMode === 'local') return 0;
    if (this.#cacheMode === 'validated') return 300;
    return this.#timing.encodedBodySize + 300;
  }
  get deliveryType() { return this.#deliveryType; }
  get responseStatus() { return this.#responseStatus; }
  toJSON() {
    return {
      name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration,
      initiatorType: this.initiatorType, nextHopProtocol: this.nextHopProtocol, workerStart: this.workerStart,
      redirectStart: this.redirectStart, redirectEnd: this.redirectEnd, fetchStart: this.fetchStart,
      domainLookupStart: this.domainLookupStart, domainLookupEnd: this.domainLookupEnd,
      connectStart: this.connectStart, connectEnd: this.connectEnd, secureConnectionStart: this.secureConnectionStart,
      requestStart: this.requestStart, responseStart: this.responseStart, responseEnd: this.responseEnd,
      transferSize: this.transferSize, encodedBodySize: this.encodedBodySize, decodedBodySize: this.decodedBodySize,
      deliveryType: this.deliveryType, responseStatus: this.responseStatus,
    };
  }
}
Object.defineProperty(PerformanceResourceTiming.prototype, Symbol.toStringTag, { value: 'PerformanceResourceTiming', configurable: true });

// The buffered timeline: marks, measures and resource timings, until cleared.
const marks = [];
const measures = [];
const resources = [];
let resourceBufferSize = 250;

function sortedByStart(list) {
  return list.slice().sort((a, b) => a.startTime - b.startTime);
}

function removeByName(list, name) {
  if (name === undefined) {
    list.length = 0;
    return;
  }
  name = `${name}`;
  for (let i = list.length - 1; i >= 0; i--) if (list[i].name === name) list.splice(i, 1);
}

// The time a measure's start or end names: a timestamp, a milestone of nodeTiming, or the
// latest mark of that name.
function markTime(name) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw invalidTimestamp(name);
    return name;
  }
  name = `${name}`;
  if (Object.hasOwn(milestones, name)) {
    const t = nodeTiming[name];
    if (t < 0) throw invalidPerformanceMark(name);
    return t;
  }
  for (let i = marks.length - 1; i >= 0; i--) if (marks[i].name === name) return marks[i].startTime;
  const { DOMException } = require('internal/dom_exception');
  throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

function invalidPerformanceMark(name) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

function measureSpan(startOrOptions, endMark) {
  let start, end, duration;
  let withOptions = false;
  if (startOrOptions !== null && typeof startOrOptions === 'object') {
    ({ start, end, duration } = startOrOptions);
    withOptions = start !== undefined || end !== undefined;
  }
  if (withOptions) {
    if (endMark !== undefined) throw invalidMeasureOptions('endMark must not be specified');
    if (start !== undefined && end !== undefined && duration !== undefined) {
      throw invalidMeasureOptions('Must not have options.start, options.end, and options.duration specified');
    }
  }
  let endTime;
  if (endMark !== undefined) endTime = markTime(endMark);
  else if (withOptions && end !== undefined) endTime = markTime(end);
  else if (withOptions && start !== undefined && duration !== undefined) endTime = markTime(start) + markTime(duration);
  else endTime = now();
  let startTime;
  if (typeof startOrOptions === 'string') startTime = markTime(startOrOptions);
  else if (withOptions && start !== undefined) startTime = markTime(start);
  else if (withOptions && duration !== undefined && end !== undefined) startTime = endTime - markTime(duration);
  else startTime = 0;
  return [startTime, endTime - startTime];
}

// Observers, and the entries waiting for each until the loop's next check phase.
const observers = new Set();
const pending = new Set();
let dispatchQueued = false;

function observed(type) {
  for (const o of observers) if (o._types.has(type)) return true;
  return false;
}

function enqueue(entry) {
  for (const o of observers) {
    if (!o._types.has(entry.entryType)) continue;
    o._buffer.push(entry);
    pending.add(o);
  }
  queueDispatch();
}

function queueDispatch() {
  if (pending.size > 0 && !dispatchQueued) {
    dispatchQueued = true;
    setImmediate(() => {
      dispatchQueued = false;
      const due = [...pending];
      pending.clear();
      for (const o of due) o._dispatch();
    });
  }
}

const supportedEntryTypes = Object.freeze(['function', 'mark', 'measure', 'resource']);

class PerformanceObserverEntryList {
  #entries;
  constructor(token, entries) {
    if (token !== kInternal) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    this.#entries = sortedByStart(entries);
  }
  getEntries() { return this.#entries.slice(); }
  getEntriesByType(type) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('type');
    type = `${type}`;
    return this.#entries.filter((e) => e.entryType === type);
  }
  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return this.#entries.filter((e) => e.name === name && (type === undefined || e.entryType === type));
  }
  [kInspect](depth, options) { return inspectAs('PerformanceObserverEntryList', this.#entries, depth, options); }
}

class PerformanceObserver {
  constructor(callback) {
    validateFunction(callback, 'callback');
    Object.defineProperties(this, {
      _callback: { value: callback },
      _types: { value: new Set() },
      _buffer: { value: [], writable: true },
      _mode: { value: undefined, writable: true },
    });
  }

  static get supportedEntryTypes() { return supportedEntryTypes; }

  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) throw new codes.ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    if (entryTypes !== undefined && type !== undefined) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes, 'options.entryTypes can not set with options.type together');
    }
    if (entryTypes !== undefined) {
      if (this._mode === 'type') throw new codes.ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes, 'options.entryTypes can not set with options.type together');
      if (!Array.isArray(entryTypes) || !entryTypes.every((t) => typeof t === 'string')) {
        throw new codes.ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      }
      this._types.clear();
      for (const t of entryTypes) if (supportedEntryTypes.includes(t)) this._types.add(t);
      this._mode = 'entryTypes';
    } else {
      if (this._mode === 'entryTypes') throw new codes.ERR_INVALID_ARG_VALUE('options.type', type, 'options.type can not set with options.entryTypes together');
      if (!supportedEntryTypes.includes(type)) return;
      this._types.add(type);
      this._mode = 'type';
      const earlier = type === 'mark' ? marks : type === 'measure' ? measures : [];
      if (buffered && earlier.length > 0) {
        this._buffer.push(...earlier);
        pending.add(this);
        queueDispatch();
      }
    }
    if (this._types.size > 0) observers.add(this);
    else observers.delete(this);
  }

  disconnect() {
    observers.delete(this);
    pending.delete(this);
    this._types.clear();
    this._buffer = [];
    this._mode = undefined;
  }

  takeRecords() {
    const list = this._buffer;
    this._buffer = [];
    return list;
  }

  _dispatch() {
    const entries = this.takeRecords();
    if (entries.length === 0) return;
    this._callback.call(this, new PerformanceObserverEntryList(kInternal, entries), this);
  }

  [kInspect](depth, options) {
    return inspectAs('PerformanceObserver', { connected: observers.has(this), pending: pending.has(this), entryTypes: [...this._types], buffer: this._buffer }, depth, options);
  }
}

// nodeTiming: the run's milestones, in ms from the time origin (the process's start). moat does
// not record the engine's and environment's start-up apart from the process's, so those read
// -1, Node's value for a milestone not reached; the loop's start is when it was first seen
// running (the first tick after this module loaded).
const milestones = { nodeStart: true, v8Start: true, environment: true, bootstrapComplete: true, loopStart: true, loopExit: true };
let loopStart = -1;
let loopExit = -1;
// The loop's waits are timed where the platform does it (the sandbox's host times the guest's
// waits); elsewhere the time the process used no CPU stands for them.
const hostIdle = () => internalBinding('v8').loopIdleMs();
let idleAtStart = 0;
let idleAtExit;

function cpuMs() {
  // The real process object, whatever the program put in the global's place.
  const u = require('internal/process/current').get().cpuUsage();
  return (u.user + u.system) / 1000;
}

function idleSoFar() {
  const measured = hostIdle();
  if (measured !== undefined) return measured;
  return Math.max(0, now() - cpuMs());
}

process.nextTick(() => {
  loopStart = now();
  idleAtStart = idleSoFar();
});
process.once('exit', () => {
  loopExit = now();
  idleAtExit = idleSoFar();
});

// Time the loop spent waiting, in ms since it started.
function idleTime() {
  if (loopStart < 0) return 0;
  return Math.max(0, (idleAtExit ?? idleSoFar()) - idleAtStart);
}

class PerformanceNodeTiming {
  constructor(token) {
    if (token !== kInternal) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }
  get name() { return 'node'; }
  get entryType() { return 'node'; }
  get startTime() { return 0; }
  get duration() { return now(); }
  get nodeStart() { return 0; }
  get v8Start() { return -1; }
  get environment() { return -1; }
  get bootstrapComplete() { return -1; }
  get loopStart() { return loopStart; }
  get loopExit() { return loopExit; }
  get idleTime() { return idleTime(); }
  toJSON() {
    return {
      name: 'node', entryType: 'node', startTime: 0, duration: this.duration, nodeStart: this.nodeStart,
      v8Start: this.v8Start, bootstrapComplete: this.bootstrapComplete, environment: this.environment,
      loopStart: this.loopStart, loopExit: this.loopExit, idleTime: this.idleTime,
    };
  }
  [kInspect](depth, options) { return inspectAs('PerformanceNodeTiming', this.toJSON(), depth, options); }
}
const nodeTiming = new PerformanceNodeTiming(kInternal);

function eventLoopUtilization(util1, util2) {
  if (loopStart < 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) };
  }
  const idle = idleTime();
  const active = now() - loopStart - idle;
  if (!util1) return { idle, active, utilization: active / (idle + active) };
  const idleDelta = idle - util1.idle;
  const activeDelta = active - util1.active;
  return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
}

// timerify: the wrapper times each call; the time goes to a histogram (in ns) and, when
// observed, out as a `function` entry with the arguments as detail.
function timerify(fn, options = {}) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const { histogram } = options;
  if (histogram !== undefined && !(histogram instanceof RecordableHistogram)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram', histogram);
  }
  const done = (start, args) => {
    const duration = now() - start;
    if (histogram !== undefined) histogram.record(Math.max(1, Math.ceil(duration * 1e6)));
    if (observed('function')) {
      const entry = new DetailedEntry(kInternal, fn.name, 'function', start, duration, args);
      // The arguments are also the entry's indexed properties, as in Node.
      for (let i = 0; i < args.length; i++) entry[i] = args[i];
      enqueue(entry);
    }
  };
  function timerified(...args) {
    const start = now();
    const result = new.target ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
    if (!new.target && typeof result?.finally === 'function') return result.finally(() => done(start, args));
    done(start, args);
    return result;
  }
  Object.defineProperties(timerified, {
    length: { value: fn.length, configurable: true },
    name: { value: `timerified ${fn.name}`, configurable: true },
  });
  return timerified;
}

class Performance {
  constructor(token) {
    if (token !== kInternal) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }
  now() { return now(); }
  // Taken when the run started (a snapshot's run starts anew: its origin is its own).
  get timeOrigin() { return timers.timeOrigin(); }
  get nodeTiming() { return nodeTiming; }

  mark(name, options) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    const mark = new PerformanceMark(name, options);
    marks.push(mark);
    enqueue(mark);
    return mark;
  }

  measure(name, startOrOptions, endMark) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    name = `${name}`;
    const [start, duration] = measureSpan(startOrOptions, endMark);
    const detail = startOrOptions !== null && typeof startOrOptions === 'object' ? cloneDetail(startOrOptions.detail) : null;
    const measure = new PerformanceMeasure(kInternal, name, start, duration, detail);
    measures.push(measure);
    enqueue(measure);
    return measure;
  }

  clearMarks(name) { removeByName(marks, name); }
  clearMeasures(name) { removeByName(measures, name); }
  clearResourceTimings() { resources.length = 0; }

  // Called by fetch implementations (undici) when a response's body has been read.
  markResourceTiming(timingInfo, requestedUrl, initiatorType, global, cacheMode, bodyInfo, responseStatus, deliveryType = '') {
    const entry = new PerformanceResourceTiming(kInternal, requestedUrl, timingInfo, initiatorType, cacheMode, deliveryType, responseStatus);
    if (resources.length < resourceBufferSize) resources.push(entry);
    enqueue(entry);
    return entry;
  }

  setResourceTimingBufferSize(maxSize) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('maxSize');
    resourceBufferSize = Math.max(0, Math.trunc(Number(maxSize)) || 0);
  }

  getEntries() { return sortedByStart([...marks, ...measures, ...resources]); }
  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return this.getEntries().filter((e) => e.name === name && (type === undefined || e.entryType === type));
  }
  getEntriesByType(type) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('type');
    type = `${type}`;
    if (type === 'mark') return sortedByStart(marks);
    if (type === 'measure') return sortedByStart(measures);
    if (type === 'resource') return sortedByStart(resources);
    return [];
  }


  toJSON() {
    return { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
  }
  [kInspect](depth, options) {
    return inspectAs('Performance', { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin }, depth, options);
  }
}
Object.defineProperty(Performance.prototype, Symbol.toStringTag, { value: 'Performance', configurable: true });
// The same functions as the module's own.
for (const fn of [eventLoopUtilization, timerify]) {
  Object.defineProperty(Performance.prototype, fn.name, { value: fn, writable: true, enumerable: true, configurable: true });
}

// Histograms, with HdrHistogram's arithmetic (Node's): values are kept to `figures`
// significant decimal digits, each in a bucket of equivalent values.
class Histogram {
  #unit;
  #mag;
  #highest;
  #counts = new Map();
  #count = 0;
  #min = Infinity;
  #max = 0;
  #exceeds = 0;

  constructor(token, lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3) {
    if (token !== kInternal) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    this.#unit = Math.floor(Math.log2(lowest));
    this.#mag = Math.ceil(Math.log2(2 * 10 ** figures));
    this.#highest = highest;
  }

  // The bucket of `v`: its lowest value and its size.
  #bucket(v) {
    const bits = v.toString(2).length;
    const shift = Math.max(bits, this.#mag + this.#unit) - this.#mag;
    const size = 2 ** shift;
    return [Math.floor(v / size) * size, size];
  }

  _record(v) {
    if (v > this.#highest) {
      this.#exceeds++;
      return;
    }
    const [low] = this.#bucket(v);
    this.#counts.set(low, (this.#counts.get(low) ?? 0) + 1);
    this.#count++;
    if (v < this.#min) this.#min = v;
    if (v > this.#max) this.#max = v;
  }

  _merge(other) {
    other._each((low, n, min, max) => {
      this.#counts.set(low, (this.#counts.get(low) ?? 0) + n);
      this.#count += n;
      if (min < this.#min) this.#min = min;
      if (max > this.#max) this.#max = max;
    });
    this.#exceeds += other.exceeds;
  }

  _each(fn) {
    for (const [low, n] of this.#counts) fn(low, n, this.#min, this.#max);
  }

  #sorted() { return [...this.#counts].sort((a, b) => a[0] - b[0]); }

  get count() { return this.#count; }
  get countBigInt() { return BigInt(this.#count); }
  get min() { return this.#count === 0 ? 9223372036854775807 : this.#bucket(this.#min)[0]; }
  get minBigInt() { return this.#count === 0 ? 9223372036854775807n : BigInt(this.min); }
  get max() {
    if (this.#count === 0) return 0;
    const [low, size] = this.#bucket(this.#max);
    return low + size - 1;
  }
  get maxBigInt() { return BigInt(this.max); }
  get mean() {
    if (this.#count === 0) return NaN;
    let sum = 0;
    for (const [low, n] of this.#counts) sum += (low + Math.floor(this.#bucket(low)[1] / 2)) * n;
    return sum / this.#count;
  }
  get stddev() {
    if (this.#count === 0) return NaN;
    const mean = this.mean;
    let sum = 0;
    for (const [low, n] of this.#counts) {
      const d = low + Math.floor(this.#bucket(low)[1] / 2) - mean;
      sum += d * d * n;
    }
    return Math.sqrt(sum / this.#count);
  }
  get exceeds() { return this.#exceeds; }
  get exceedsBigInt() { return BigInt(this.#exceeds); }

  percentile(percentile) {
    validateNumber(percentile, 'percentile');
    if (!(percentile > 0 && percentile <= 100)) throw new codes.ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
    const wanted = Math.max(1, Math.trunc((percentile / 100) * this.#count + 0.5));
    let seen = 0;
    for (const [low, n] of this.#sorted()) {
      seen += n;
      if (seen >= wanted) return low + this.#bucket(low)[1] - 1;
    }
    return 0;
  }
  percentileBigInt(percentile) { return BigInt(this.percentile(percentile)); }

  // Percentiles at halving distances to 100 (0, 50, 75, 87.5, …), each with its bucket's
  // lowest value, as HdrHistogram's percentile iteration gives them.
  #percentiles() {
    const out = new Map();
    if (this.#count === 0) {
      out.set(100, 0);
      return out;
    }
    const entries = this.#sorted();
    let i = -1;
    let cumulative = 0;
    let next = 0;
    let value = 0;
    for (;;) {
      if (cumulative >= this.#count) {
        out.set(100, value);
        return out;
      }
      if (i === -1) {
        i = 0;
        cumulative = entries[0][1];
      }
      for (;;) {
        if (next <= (100 * cumulative) / this.#count) {
          value = entries[i][0];
          out.set(next, value);
          next += 100 / 2 ** Math.trunc(Math.log2(100 / (100 - next)) + 1);
          break;
        }
        if (++i >= entries.length) return out;
        cumulative += entries[i][1];
      }
    }
  }
  get percentiles() { return this.#percentiles(); }
  get percentilesBigInt() {
    const out = new Map();
    for (const [k, v] of this.#percentiles()) out.set(k, BigInt(v));
    return out;
  }

  reset() {
    this.#counts.clear();
    this.#count = 0;
    this.#min = Infinity;
    this.#max = 0;
    this.#exceeds = 0;
  }

  toJSON() {
    return {
      count: this.count, min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds,
      stddev: this.stddev, percentiles: Object.fromEntries(this.percentiles),
    };
  }

  [kInspect](depth, options) {
    return inspectAs('Histogram', {
      min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds, stddev: this.stddev,
      count: this.count, percentiles: this.percentiles,
    }, depth, options);
  }
}

class RecordableHistogram extends Histogram {
  #previous;
  constructor(token, lowest, highest, figures) {
    super(token, lowest, highest, figures);
  }

  record(val) {
    if (typeof val === 'bigint') {
      if (val < 1n || val > BigInt(Number.MAX_SAFE_INTEGER)) {
        const err = new RangeError('value is out of range');
        Object.defineProperty(err, 'code', { value: 'ERR_OUT_OF_RANGE', enumerable: true, writable: true, configurable: true });
        throw require('internal/errors').fixStack(err);
      }
      val = Number(val);
    } else {
      validateInteger(val, 'val', 1);
    }
    this._record(val);
  }

  // Records the nanoseconds since the previous call (the first call only starts the count).
  recordDelta() {
    const t = process.hrtime.bigint();
    if (this.#previous !== undefined) {
      const delta = Number(t - this.#previous);
      if (delta > 0) this._record(delta);
    }
    this.#previous = t;
  }

  add(other) {
    if (!(other instanceof RecordableHistogram)) throw new codes.ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    this._merge(other);
  }
}

function createHistogram(options = {}) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  validateInteger(lowest, 'options.lowest', 1);
  validateInteger(highest, 'options.highest', 2 * lowest);
  validateInteger(figures, 'options.figures', 1, 5);
  return new RecordableHistogram(kInternal, lowest, highest, figures);
}

// The event loop's delay: a timer every `resolution` ms records, in ns, how long each interval
// really took, so a late timer (a blocked loop) shows as a longer one.
class IntervalHistogram extends Histogram {
  #resolution;
  #timer = null;
  #previous = 0n;
  constructor(token, resolution) {
    super(token);
    this.#resolution = resolution;
  }

  enable() {
    if (this.#timer !== null) return false;
    this.#previous = process.hrtime.bigint();
    this.#timer = setInterval(() => {
      const t = process.hrtime.bigint();
      const delta = Number(t - this.#previous);
      this.#previous = t;
      if (delta > 0) this._record(delta);
    }, this.#resolution);
    this.#timer.unref();
    return true;
  }

  disable() {
    if (this.#timer === null) return false;
    clearInterval(this.#timer);
    this.#timer = null;
    return true;
  }

  [Symbol.dispose]() { this.disable(); }
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new IntervalHistogram(kInternal, resolution);
}

const performance = new Performance(kInternal);

const constants = {
  NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1, NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16, NODE_PERFORMANCE_GC_FLAGS_NO: 0, NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4, NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16, NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
};

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  monitorEventLoopDelay,
  eventLoopUtilization,
  timerify,
  createHistogram,
  performance,
  constants,
};
