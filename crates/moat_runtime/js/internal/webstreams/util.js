'use strict';
// Pieces the web streams share (the WHATWG Streams standard's "queue-with-sizes", strategies,
// promise plumbing) and the shape Node gives their classes: enumerable members, a
// Symbol.toStringTag, and util.inspect output of the form `Name { field: value }`.

const { codes } = require('internal/errors');

const kCreate = Symbol('kCreate');
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
const noop = () => {};
// Promise.prototype.then as the engine made it: user code may replace the global one.
const then = Function.prototype.call.bind(Promise.prototype.then);

// A FIFO with amortised O(1) shift.
class Queue {
  constructor() { this.items = []; this.head = 0; }
  get length() { return this.items.length - this.head; }
  push(v) { this.items.push(v); }
  peek() { return this.items[this.head]; }
  at(i) { return this.items[this.head + i]; }
  shift() {
    const v = this.items[this.head];
    this.items[this.head] = undefined;
    this.head++;
    if (this.head > 32 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return v;
  }
  clear() { this.items = []; this.head = 0; }
  drain() {
    const out = this.items.slice(this.head);
    this.clear();
    return out;
  }
}

function deferred() {
  let resolve, reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject, settled: false };
}

function settleResolve(d, v) {
  if (d.settled) return;
  d.settled = true;
  d.resolve(v);
}

function settleReject(d, e) {
  if (d.settled) return;
  d.settled = true;
  d.reject(e);
}

function markHandled(promise) {
  then(promise, undefined, noop);
  return promise;
}

function rejected(e) {
  return markHandled(Promise.reject(e));
}

function resolvedDeferred(v) {
  const d = deferred();
  settleResolve(d, v);
  return d;
}

function rejectedDeferred(e) {
  const d = deferred();
  settleReject(d, e);
  markHandled(d.promise);
  return d;
}

// Calls a method of an underlying source, sink or transformer and gives its result as a promise;
// a throw becomes a rejection.
function promiseCall(fn, thisArg, ...args) {
  if (fn === undefined) return Promise.resolve();
  try {
    return promiseResolvedWith(Reflect.apply(fn, thisArg, args));
  } catch (err) {
    return Promise.reject(err);
  }
}

// WebIDL's "a promise resolved with": a new promise, even for a promise (which then takes the
// ticks of adopting it, as Node's streams do).
function promiseResolvedWith(value) {
  // Only a thenable makes a difference; anything else is simply a resolved promise.
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return Promise.resolve(value);
  return new Promise((resolve) => resolve(value));
}

// A member of a user-given dictionary that must be a function when present.
function methodOf(dict, key, where) {
  const fn = dict?.[key];
  if (fn === undefined || fn === null) return undefined;
  if (typeof fn !== 'function') throw new codes.ERR_INVALID_ARG_TYPE(`${where}.${key}`, 'Function', fn);
  return fn;
}

function validateDictionary(value, name) {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' && typeof value !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'object', value);
  }
  return value;
}

function extractHighWaterMark(strategy, defaultHWM) {
  const hwm = strategy?.highWaterMark;
  if (hwm === undefined) return defaultHWM;
  const n = Number(hwm);
  if (Number.isNaN(n) || n < 0) throw new codes.ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', hwm);
  return n;
}

const sizeOne = () => 1;

function extractSizeAlgorithm(strategy) {
  const size = strategy?.size;
  if (size === undefined) return sizeOne;
  if (typeof size !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('strategy.size', 'Function', size);
  return (chunk) => size(chunk);
}

// The queue of a default controller: values with sizes, and their total.
function resetQueue(c) {
  c.queue = new Queue();
  c.queueTotalSize = 0;
}

function enqueueValueWithSize(c, value, size) {
  const n = +size;
  if (Number.isNaN(n) || n < 0 || n === Infinity) {
    throw new codes.ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  c.queue.push({ value, size: n });
  c.queueTotalSize += n;
}

function dequeueValue(c) {
  const { value, size } = c.queue.shift();
  c.queueTotalSize -= size;
  if (c.queueTotalSize < 0) c.queueTotalSize = 0;
  return value;
}

function peekQueueValue(c) {
  return c.queue.peek().value;
}

function isDetached(buffer) {
  return buffer.detached === true;
}

function transferArrayBuffer(buffer) {
  if (isDetached(buffer)) throw new codes.ERR_INVALID_STATE.TypeError('Buffer is already detached');
  return buffer.transfer();
}

function cloneAsUint8Array(view) {
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}

// Makes the named members of a class's prototype enumerable, as WebIDL has them, and gives it a
// Symbol.toStringTag.
function shapeClass(cls, names, tag = cls.name) {
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(cls.prototype, name);
    d.enumerable = true;
    Object.defineProperty(cls.prototype, name, d);
  }
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: tag, configurable: true });
}

// `Name { ...fields }` for util.inspect, one level shallower than the caller asked. Past the
// depth limit Node prints `undefined` for these objects, and so do we.
function customInspect(name, fields, depth, options, inspect) {
  if (depth < 0) return undefined;
  const opts = { ...options, depth: options.depth === null || options.depth === undefined ? options.depth : options.depth - 1 };
  return `${name} ${inspect(fields, opts)}`;
}

function invalidThis(type) {
  return new codes.ERR_INVALID_THIS(type);
}

module.exports = {
  kCreate, inspectCustom, noop, then, Queue, deferred, settleResolve, settleReject, markHandled, rejected,
  resolvedDeferred, rejectedDeferred, promiseCall, promiseResolvedWith, methodOf, validateDictionary, extractHighWaterMark,
  extractSizeAlgorithm, resetQueue, enqueueValueWithSize, dequeueValue, peekQueueValue, isDetached,
  transferArrayBuffer, cloneAsUint8Array, shapeClass, customInspect, invalidThis,
};
