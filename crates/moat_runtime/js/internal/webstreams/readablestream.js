'use strict';
// ReadableStream with its readers and controllers, as the WHATWG Streams standard defines them:
// default streams (values with sizes) and byte streams (BYOB reads, auto-allocated chunks), tee,
// pipeTo/pipeThrough, async iteration and ReadableStream.from.
//
// Every public object keeps its internal slots in one record (a private field); the abstract
// operations below work on records, which point back to their public object as `obj`.

const { codes } = require('internal/errors');
const {
  kCreate, inspectCustom, noop, then, promiseResolvedWith, Queue, deferred, settleResolve, settleReject, markHandled,
  rejected,
  resolvedDeferred, rejectedDeferred, promiseCall, methodOf, validateDictionary, extractHighWaterMark,
  extractSizeAlgorithm, resetQueue, enqueueValueWithSize, dequeueValue, isDetached, transferArrayBuffer,
  cloneAsUint8Array, shapeClass, customInspect, invalidThis,
} = require('internal/webstreams/util');

const { ERR_INVALID_STATE, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = codes;

const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');
const kControllerErrorFunction = Symbol.for('nodejs.webstream.controllerErrorFunction');

let streamRecord, readerRecord, byobReaderRecord, defaultControllerRecord, byteControllerRecord,
  byobRequestRecord;

function isTypedArray(v) {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

// ---- ReadableStream --------------------------------------------------------------------------

class ReadableStream {
  #s;

  static {
    streamRecord = (o) => (o !== null && typeof o === 'object' && #s in o ? o.#s : undefined);
  }

  constructor(source = undefined, strategy = undefined) {
    this.#s = {
      obj: this, state: 'readable', reader: undefined, storedError: undefined, disturbed: false,
      controller: undefined, isClosed: deferred(),
    };
    markHandled(this.#s.isClosed.promise);
    if (source === kCreate) return;
    if (source !== undefined && (source === null || (typeof source !== 'object' && typeof source !== 'function'))) {
      throw new ERR_INVALID_ARG_TYPE('source', 'object', source);
    }
    if (strategy !== undefined && strategy !== null && typeof strategy !== 'object' && typeof strategy !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('strategy', 'object', strategy);
    }
    strategy ??= {};
    const type = source?.type;
    if (type !== undefined && `${type}` === 'bytes') {
      if (strategy.size !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', strategy.size);
      const hwm = extractHighWaterMark(strategy, 0);
      setUpByteControllerFromSource(this.#s, source, hwm);
    } else if (type !== undefined) {
      throw new ERR_INVALID_ARG_VALUE('source.type', type);
    } else {
      const size = extractSizeAlgorithm(strategy);
      const hwm = extractHighWaterMark(strategy, 1);
      setUpDefaultControllerFromSource(this.#s, source, hwm, size);
    }
  }

  get locked() {
    return isLocked(recordOf(this));
  }

  cancel(reason = undefined) {
    const s = streamRecord(this);
    if (s === undefined) return rejected(invalidThis('ReadableStream'));
    if (isLocked(s)) return rejected(new ERR_INVALID_STATE.TypeError('ReadableStream is locked'));
    return readableStreamCancel(s, reason);
  }

  getReader(options = undefined) {
    const s = recordOf(this);
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const mode = options?.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (`${mode}` !== 'byob') throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
    return new ReadableStreamBYOBReader(this);
  }

  pipeThrough(transform, options = undefined) {
    const s = recordOf(this);
    const readable = transform?.readable;
    if (streamRecord(readable) === undefined) {
      throw new ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', readable);
    }
    const writable = transform.writable;
    const ws = require('internal/webstreams/writablestream');
    const w = ws.writableRecord(writable);
    if (w === undefined) throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', writable);
    const opts = pipeOptions(options, false);
    if (isLocked(s)) throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
    if (ws.isWritableLocked(w)) throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
    markHandled(readableStreamPipeTo(s, w, opts.preventClose, opts.preventAbort, opts.preventCancel, opts.signal));
    return readable;
  }

  pipeTo(destination, options = undefined) {
    const s = streamRecord(this);
    if (s === undefined) return rejected(invalidThis('ReadableStream'));
    const ws = require('internal/webstreams/writablestream');
    const w = ws.writableRecord(destination);
    if (w === undefined) {
      return rejected(new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', destination));
    }
    let opts;
    try {
      opts = pipeOptions(options, true);
    } catch (err) {
      return rejected(err);
    }
    if (isLocked(s)) return rejected(new ERR_INVALID_STATE.TypeError('The ReadableStream is locked'));
    if (ws.isWritableLocked(w)) return rejected(new ERR_INVALID_STATE.TypeError('The WritableStream is locked'));
    return readableStreamPipeTo(s, w, opts.preventClose, opts.preventAbort, opts.preventCancel, opts.signal);
  }

  tee() {
    const s = recordOf(this);
    return readableStreamTee(s, false).map((b) => b.obj);
  }

  values(options = undefined) {
    const s = recordOf(this);
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const preventCancel = !!options?.preventCancel;
    return createAsyncIterator(s, preventCancel);
  }

  static from(iterable) {
    return readableStreamFromIterable(iterable).obj;
  }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#s in this)) throw invalidThis('ReadableStream');
    const s = this.#s;
    return customInspect('ReadableStream', {
      locked: isLocked(s), state: s.state, supportsBYOB: s.controller?.byte === true,
    }, depth, options, inspect);
  }
}
shapeClass(ReadableStream, ['locked', 'cancel', 'getReader', 'pipeThrough', 'pipeTo', 'tee', 'values']);

// What node:stream's finished(), pipeline() and addAbortSignal() read of a web stream.
{
  const { kIsDisturbed, kIsErrored, kIsReadable } = require('internal/streams/utils');
  Object.defineProperties(ReadableStream.prototype, {
    [kIsDisturbed]: { get() { return recordOf(this).disturbed; }, configurable: true },
    [kIsErrored]: { get() { return recordOf(this).state === 'errored'; }, configurable: true },
    [kIsReadable]: { get() { return recordOf(this).state === 'readable'; }, configurable: true },
    [kControllerErrorFunction]: {
      get() {
        const c = recordOf(this).controller;
        return {
          [kControllerErrorFunction](error) {
            if (c.byte) byteControllerError(c, error);
            else defaultControllerError(c, error);
          },
        }[kControllerErrorFunction];
      },
      configurable: true,
    },
    [kIsClosedPromise]: { get() { return recordOf(this).isClosed; }, configurable: true },
  });
}
Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
  value: ReadableStream.prototype.values, writable: true, configurable: true,
});
Object.defineProperty(ReadableStream, 'from', { enumerable: true });

function recordOf(stream) {
  const s = streamRecord(stream);
  if (s === undefined) throw invalidThis('ReadableStream');
  return s;
}

function pipeOptions(options, forPipeTo) {
  if (options === undefined || options === null) options = {};
  else if (typeof options !== 'object' && typeof options !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  }
  const preventAbort = !!options.preventAbort;
  const preventCancel = !!options.preventCancel;
  const preventClose = !!options.preventClose;
  const signal = options.signal;
  if (signal !== undefined) {
    const { AbortSignal } = require('internal/event_target');
    if (!(signal instanceof AbortSignal)) throw new ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
    // Reading `aborted` checks that it is a real AbortSignal.
    void signal.aborted;
  }
  return { preventAbort, preventCancel, preventClose, signal };
}

function isLocked(s) {
  return s.reader !== undefined;
}

// A stream made by the runtime itself (tee's branches, TransformStream's readable, from()).
function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm = 1, sizeAlgorithm = () => 1) {
  const stream = new ReadableStream(kCreate);
  const s = streamRecord(stream);
  const c = newDefaultControllerRecord();
  setUpDefaultController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, sizeAlgorithm);
  return s;
}

function createReadableByteStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm = 0, autoAllocateChunkSize) {
  const stream = new ReadableStream(kCreate);
  const s = streamRecord(stream);
  const c = newByteControllerRecord();
  setUpByteController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, autoAllocateChunkSize);
  return s;
}

function readableStreamCancel(s, reason) {
  s.disturbed = true;
  if (s.state === 'closed') return Promise.resolve();
  if (s.state === 'errored') return Promise.reject(s.storedError);
  readableStreamClose(s);
  const r = s.reader;
  if (r !== undefined && r.byob) {
    const requests = r.readIntoRequests.drain();
    for (const req of requests) req.close(undefined);
  }
  return then(s.controller.cancelSteps(reason), noop);
}

function readableStreamClose(s) {
  s.state = 'closed';
  settleResolve(s.isClosed);
  const r = s.reader;
  if (r === undefined) return;
  settleResolve(r.closed);
  if (!r.byob) {
    const requests = r.readRequests.drain();
    for (const req of requests) req.close();
  }
}

function readableStreamError(s, e) {
  s.state = 'errored';
  s.storedError = e;
  settleReject(s.isClosed, e);
  const r = s.reader;
  if (r === undefined) return;
  settleReject(r.closed, e);
  markHandled(r.closed.promise);
  if (r.byob) errorReadIntoRequests(r, e);
  else errorReadRequests(r, e);
}

function errorReadRequests(r, e) {
  const requests = r.readRequests.drain();
  for (const req of requests) req.error(e);
}

function errorReadIntoRequests(r, e) {
  const requests = r.readIntoRequests.drain();
  for (const req of requests) req.error(e);
}

function fulfillReadRequest(s, chunk, done) {
  const req = s.reader.readRequests.shift();
  if (done) req.close();
  else req.chunk(chunk);
}

function fulfillReadIntoRequest(s, chunk, done) {
  const req = s.reader.readIntoRequests.shift();
  if (done) req.close(chunk);
  else req.chunk(chunk);
}

function numReadRequests(s) {
  return s.reader.readRequests.length;
}

function numReadIntoRequests(s) {
  return s.reader.readIntoRequests.length;
}

function hasDefaultReader(s) {
  return s.reader !== undefined && !s.reader.byob;
}

function hasBYOBReader(s) {
  return s.reader !== undefined && s.reader.byob;
}

// ---- readers ---------------------------------------------------------------------------------

function readerGenericInitialize(r, s) {
  r.stream = s;
  s.reader = r;
  if (s.state === 'readable') r.closed = deferred();
  else if (s.state === 'closed') r.closed = resolvedDeferred(undefined);
  else r.closed = rejectedDeferred(s.storedError);
}

function readerGenericCancel(r, reason) {
  return readableStreamCancel(r.stream, reason);
}

function readerGenericRelease(r) {
  const s = r.stream;
  const e = new ERR_INVALID_STATE.TypeError('Reader released');
  if (s.state === 'readable') settleReject(r.closed, e);
  else r.closed = rejectedDeferred(e);
  markHandled(r.closed.promise);
  s.controller.releaseSteps();
  s.reader = undefined;
  r.stream = undefined;
}

function defaultReaderRelease(r) {
  readerGenericRelease(r);
  errorReadRequests(r, new ERR_INVALID_STATE.TypeError('Releasing reader'));
}

function byobReaderRelease(r) {
  readerGenericRelease(r);
  errorReadIntoRequests(r, new ERR_INVALID_STATE.TypeError('Releasing reader'));
}

function defaultReaderRead(r, req) {
  const s = r.stream;
  s.disturbed = true;
  if (s.state === 'closed') req.close();
  else if (s.state === 'errored') req.error(s.storedError);
  else s.controller.pullSteps(req);
}

function acquireDefaultReader(s) {
  return readerRecord(new ReadableStreamDefaultReader(s.obj));
}

function acquireBYOBReader(s) {
  return byobReaderRecord(new ReadableStreamBYOBReader(s.obj));
}

function readRequestFor(d) {
  return {
    chunk: (value) => d.resolve({ value, done: false }),
    close: () => d.resolve({ value: undefined, done: true }),
    error: (e) => d.reject(e),
  };
}

class ReadableStreamDefaultReader {
  #r;

  static {
    readerRecord = (o) => (o !== null && typeof o === 'object' && #r in o ? o.#r : undefined);
  }

  constructor(stream) {
    const s = streamRecord(stream);
    if (s === undefined) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    if (isLocked(s)) throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
    this.#r = { obj: this, byob: false, stream: undefined, closed: undefined, readRequests: new Queue() };
    readerGenericInitialize(this.#r, s);
  }

  read() {
    const r = readerRecord(this);
    if (r === undefined) return rejected(invalidThis('ReadableStreamDefaultReader'));
    if (r.stream === undefined) {
      return rejected(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    const d = deferred();
    defaultReaderRead(r, readRequestFor(d));
    return d.promise;
  }

  releaseLock() {
    const r = readerRecord(this);
    if (r === undefined) throw invalidThis('ReadableStreamDefaultReader');
    if (r.stream === undefined) return;
    defaultReaderRelease(r);
  }

  get closed() {
    const r = readerRecord(this);
    if (r === undefined) return rejected(invalidThis('ReadableStreamDefaultReader'));
    return r.closed.promise;
  }

  cancel(reason = undefined) {
    const r = readerRecord(this);
    if (r === undefined) return rejected(invalidThis('ReadableStreamDefaultReader'));
    if (r.stream === undefined) {
      return rejected(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    return readerGenericCancel(r, reason);
  }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#r in this)) throw invalidThis('ReadableStreamDefaultReader');
    const r = this.#r;
    return customInspect('ReadableStreamDefaultReader', {
      stream: r.stream?.obj, readRequests: r.readRequests.length, close: r.closed.promise,
    }, depth, options, inspect);
  }
}
shapeClass(ReadableStreamDefaultReader, ['read', 'releaseLock', 'closed', 'cancel']);

class ReadableStreamBYOBReader {
  #r;

  static {
    byobReaderRecord = (o) => (o !== null && typeof o === 'object' && #r in o ? o.#r : undefined);
  }

  constructor(stream) {
    const s = streamRecord(stream);
    if (s === undefined) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    if (isLocked(s)) throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
    if (s.controller?.byte !== true) {
      throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be a byte stream');
    }
    this.#r = { obj: this, byob: true, stream: undefined, closed: undefined, readIntoRequests: new Queue() };
    readerGenericInitialize(this.#r, s);
  }

  read(view = undefined, options = undefined) {
    const r = byobReaderRecord(this);
    if (r === undefined) return rejected(invalidThis('ReadableStreamBYOBReader'));
    if (!ArrayBuffer.isView(view)) {
      return rejected(new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view));
    }
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      return rejected(new ERR_INVALID_ARG_TYPE('options', 'object', options));
    }
    if (view.byteLength === 0 || view.buffer.byteLength === 0) {
      return rejected(new ERR_INVALID_STATE.TypeError('View or Viewed ArrayBuffer is zero-length or detached'));
    }
    if (isDetached(view.buffer)) {
      return rejected(new ERR_INVALID_STATE.TypeError('View or Viewed ArrayBuffer is zero-length or detached'));
    }
    let min = options?.min;
    if (min === undefined) min = 1;
    else {
      min = Number(min);
      if (!Number.isFinite(min) || min < 0 || min > Number.MAX_SAFE_INTEGER) {
        return rejected(new ERR_INVALID_ARG_TYPE('options.min', 'number', options.min));
      }
      min = Math.trunc(min);
    }
    if (min === 0) return rejected(new ERR_INVALID_ARG_VALUE('options.min', min, 'must be greater than 0'));
    if (isTypedArray(view)) {
      if (min > view.length) return rejected(new codes.ERR_OUT_OF_RANGE('options.min', '<= view.length', min));
    } else if (min > view.byteLength) {
      return rejected(new codes.ERR_OUT_OF_RANGE('options.min', '<= view.byteLength', min));
    }
    if (r.stream === undefined) {
      return rejected(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    const d = deferred();
    byobReaderRead(r, view, min, {
      chunk: (value) => d.resolve({ value, done: false }),
      close: (value) => d.resolve({ value, done: true }),
      error: (e) => d.reject(e),
    });
    return d.promise;
  }

  releaseLock() {
    const r = byobReaderRecord(this);
    if (r === undefined) throw invalidThis('ReadableStreamBYOBReader');
    if (r.stream === undefined) return;
    byobReaderRelease(r);
  }

  get closed() {
    const r = byobReaderRecord(this);
    if (r === undefined) return rejected(invalidThis('ReadableStreamBYOBReader'));
    return r.closed.promise;
  }

  cancel(reason = undefined) {
    const r = byobReaderRecord(this);
    if (r === undefined) return rejected(invalidThis('ReadableStreamBYOBReader'));
    if (r.stream === undefined) {
      return rejected(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    return readerGenericCancel(r, reason);
  }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#r in this)) throw invalidThis('ReadableStreamBYOBReader');
    const r = this.#r;
    return customInspect('ReadableStreamBYOBReader', {
      stream: r.stream?.obj, readIntoRequests: r.readIntoRequests.length, close: r.closed.promise,
    }, depth, options, inspect);
  }
}
shapeClass(ReadableStreamBYOBReader, ['read', 'releaseLock', 'closed', 'cancel']);

function byobReaderRead(r, view, min, req) {
  const s = r.stream;
  s.disturbed = true;
  if (s.state === 'errored') req.error(s.storedError);
  else byteControllerPullInto(s.controller, view, min, req);
}

// ---- ReadableStreamDefaultController ---------------------------------------------------------

function newDefaultControllerRecord() {
  const c = {
    obj: undefined, byte: false, stream: undefined, queue: undefined, queueTotalSize: 0, started: false,
    closeRequested: false, pullAgain: false, pulling: false, strategySizeAlgorithm: undefined,
    strategyHWM: 0, pullAlgorithm: undefined, cancelAlgorithm: undefined,
    cancelSteps: (reason) => {
      resetQueue(c);
      const result = c.cancelAlgorithm(reason);
      defaultControllerClearAlgorithms(c);
      return result;
    },
    pullSteps: (req) => {
      const s = c.stream;
      if (c.queue.length > 0) {
        const chunk = dequeueValue(c);
        if (c.closeRequested && c.queue.length === 0) {
          defaultControllerClearAlgorithms(c);
          readableStreamClose(s);
        } else {
          defaultControllerCallPullIfNeeded(c);
        }
        req.chunk(chunk);
      } else {
        s.reader.readRequests.push(req);
        defaultControllerCallPullIfNeeded(c);
      }
    },
    releaseSteps: noop,
  };
  c.obj = new ReadableStreamDefaultController(kCreate, c);
  return c;
}

class ReadableStreamDefaultController {
  #c;

  static {
    defaultControllerRecord = (o) => (o !== null && typeof o === 'object' && #c in o ? o.#c : undefined);
  }

  constructor(key = undefined, record = undefined) {
    if (key !== kCreate) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    this.#c = record;
  }

  get desiredSize() {
    return defaultControllerGetDesiredSize(controllerOf(this));
  }

  close() {
    const c = controllerOf(this);
    if (!defaultControllerCanCloseOrEnqueue(c)) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    defaultControllerClose(c);
  }

  enqueue(chunk = undefined) {
    const c = controllerOf(this);
    if (!defaultControllerCanCloseOrEnqueue(c)) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    defaultControllerEnqueue(c, chunk);
  }

  error(error = undefined) {
    defaultControllerError(controllerOf(this), error);
  }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#c in this)) throw invalidThis('ReadableStreamDefaultController');
    return customInspect('ReadableStreamDefaultController', {}, depth, options, inspect);
  }
}
shapeClass(ReadableStreamDefaultController, ['desiredSize', 'close', 'enqueue', 'error']);

function controllerOf(o) {
  const c = defaultControllerRecord(o);
  if (c === undefined) throw invalidThis('ReadableStreamDefaultController');
  return c;
}

function defaultControllerCallPullIfNeeded(c) {
  if (!defaultControllerShouldCallPull(c)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  then(c.pullAlgorithm(), () => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      defaultControllerCallPullIfNeeded(c);
    }
  }, (e) => defaultControllerError(c, e));
}

function defaultControllerShouldCallPull(c) {
  const s = c.stream;
  if (!defaultControllerCanCloseOrEnqueue(c)) return false;
  if (!c.started) return false;
  if (isLocked(s) && numReadRequests(s) > 0) return true;
  return defaultControllerGetDesiredSize(c) > 0;
}

function defaultControllerClearAlgorithms(c) {
  c.pullAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
  c.strategySizeAlgorithm = undefined;
}

function defaultControllerClose(c) {
  if (!defaultControllerCanCloseOrEnqueue(c)) return;
  c.closeRequested = true;
  if (c.queue.length === 0) {
    defaultControllerClearAlgorithms(c);
    readableStreamClose(c.stream);
  }
}

function defaultControllerEnqueue(c, chunk) {
  if (!defaultControllerCanCloseOrEnqueue(c)) return;
  const s = c.stream;
  if (isLocked(s) && numReadRequests(s) > 0) {
    fulfillReadRequest(s, chunk, false);
  } else {
    let size;
    try {
      size = c.strategySizeAlgorithm(chunk);
    } catch (e) {
      defaultControllerError(c, e);
      throw e;
    }
    try {
      enqueueValueWithSize(c, chunk, size);
    } catch (e) {
      defaultControllerError(c, e);
      throw e;
    }
  }
  defaultControllerCallPullIfNeeded(c);
}

function defaultControllerError(c, e) {
  const s = c.stream;
  if (s.state !== 'readable') return;
  resetQueue(c);
  defaultControllerClearAlgorithms(c);
  readableStreamError(s, e);
}

function defaultControllerGetDesiredSize(c) {
  const state = c.stream.state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.strategyHWM - c.queueTotalSize;
}

function defaultControllerHasBackpressure(c) {
  return !defaultControllerShouldCallPull(c);
}

function defaultControllerCanCloseOrEnqueue(c) {
  return !c.closeRequested && c.stream.state === 'readable';
}

function setUpDefaultController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, sizeAlgorithm) {
  c.stream = s;
  resetQueue(c);
  c.started = c.closeRequested = c.pullAgain = c.pulling = false;
  c.strategySizeAlgorithm = sizeAlgorithm;
  c.strategyHWM = hwm;
  c.pullAlgorithm = pullAlgorithm;
  c.cancelAlgorithm = cancelAlgorithm;
  s.controller = c;
  const startResult = startAlgorithm();
  then(promiseResolvedWith(startResult), () => {
    c.started = true;
    defaultControllerCallPullIfNeeded(c);
  }, (r) => defaultControllerError(c, r));
}

function setUpDefaultControllerFromSource(s, source, hwm, sizeAlgorithm) {
  const c = newDefaultControllerRecord();
  const start = methodOf(source, 'start', 'source');
  const pull = methodOf(source, 'pull', 'source');
  const cancel = methodOf(source, 'cancel', 'source');
  setUpDefaultController(s, c,
    () => (start === undefined ? undefined : Reflect.apply(start, source, [c.obj])),
    () => promiseCall(pull, source, c.obj),
    (reason) => promiseCall(cancel, source, reason),
    hwm, sizeAlgorithm);
}

// ---- byte streams ----------------------------------------------------------------------------

function newByteControllerRecord() {
  const c = {
    obj: undefined, byte: true, stream: undefined, queue: undefined, queueTotalSize: 0, started: false,
    closeRequested: false, pullAgain: false, pulling: false, strategyHWM: 0, pullAlgorithm: undefined,
    cancelAlgorithm: undefined, autoAllocateChunkSize: undefined, pendingPullIntos: [], byobRequest: null,
    cancelSteps: (reason) => {
      byteControllerClearPendingPullIntos(c);
      resetQueue(c);
      const result = c.cancelAlgorithm(reason);
      byteControllerClearAlgorithms(c);
      return result;
    },
    pullSteps: (req) => {
      const s = c.stream;
      if (c.queueTotalSize > 0) {
        byteControllerFillReadRequestFromQueue(c, req);
        return;
      }
      const size = c.autoAllocateChunkSize;
      if (size !== undefined) {
        let buffer;
        try {
          buffer = new ArrayBuffer(size);
        } catch (e) {
          req.error(e);
          return;
        }
        c.pendingPullIntos.push({
          buffer, bufferByteLength: size, byteOffset: 0, byteLength: size, bytesFilled: 0, minimumFill: 1,
          elementSize: 1, viewConstructor: Uint8Array, readerType: 'default',
        });
      }
      s.reader.readRequests.push(req);
      byteControllerCallPullIfNeeded(c);
    },
    releaseSteps: () => {
      if (c.pendingPullIntos.length > 0) {
        const first = c.pendingPullIntos[0];
        first.readerType = 'none';
        c.pendingPullIntos = [first];
      }
    },
  };
  c.obj = new ReadableByteStreamController(kCreate, c);
  return c;
}

class ReadableByteStreamController {
  #c;

  static {
    byteControllerRecord = (o) => (o !== null && typeof o === 'object' && #c in o ? o.#c : undefined);
  }

  constructor(key = undefined, record = undefined) {
    if (key !== kCreate) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    this.#c = record;
  }

  get byobRequest() {
    const r = byteControllerGetBYOBRequest(byteControllerOf(this));
    return r === null ? null : r.obj;
  }

  get desiredSize() {
    return byteControllerGetDesiredSize(byteControllerOf(this));
  }

  close() {
    const c = byteControllerOf(this);
    if (c.closeRequested) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    if (c.stream.state !== 'readable') throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    byteControllerClose(c);
  }

  enqueue(chunk = undefined) {
    const c = byteControllerOf(this);
    if (!ArrayBuffer.isView(chunk)) throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], chunk);
    if (chunk.byteLength === 0 || chunk.buffer.byteLength === 0 || isDetached(chunk.buffer)) {
      throw new ERR_INVALID_STATE.TypeError('chunk ArrayBuffer is zero-length or detached');
    }
    if (c.closeRequested) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    if (c.stream.state !== 'readable') throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    byteControllerEnqueue(c, chunk);
  }

  error(error = undefined) {
    byteControllerError(byteControllerOf(this), error);
  }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#c in this)) throw invalidThis('ReadableByteStreamController');
    return customInspect('ReadableByteStreamController', {}, depth, options, inspect);
  }
}
shapeClass(ReadableByteStreamController, ['byobRequest', 'desiredSize', 'close', 'enqueue', 'error']);

function byteControllerOf(o) {
  const c = byteControllerRecord(o);
  if (c === undefined) throw invalidThis('ReadableByteStreamController');
  return c;
}

class ReadableStreamBYOBRequest {
  #q;

  static {
    byobRequestRecord = (o) => (o !== null && typeof o === 'object' && #q in o ? o.#q : undefined);
  }

  constructor(key = undefined, record = undefined) {
    if (key !== kCreate) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    this.#q = record;
  }

  get view() {
    return requestOf(this).view;
  }

  respond(bytesWritten = undefined) {
    const q = requestOf(this);
    if (q.controller === undefined) throw new ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    const n = Number(bytesWritten);
    if (!Number.isFinite(n) || n < 0) throw new ERR_INVALID_ARG_TYPE('bytesWritten', 'number', bytesWritten);
    if (isDetached(q.view.buffer)) {
      throw new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    }
    byteControllerRespond(q.controller, Math.trunc(n));
  }

  respondWithNewView(view = undefined) {
    const q = requestOf(this);
    if (q.controller === undefined) throw new ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    if (!ArrayBuffer.isView(view)) throw new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view);
    if (isDetached(view.buffer)) throw new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    byteControllerRespondWithNewView(q.controller, view);
  }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#q in this)) throw invalidThis('ReadableStreamBYOBRequest');
    const q = this.#q;
    return customInspect('ReadableStreamBYOBRequest', {
      view: q.view, controller: q.controller?.obj,
    }, depth, options, inspect);
  }
}
shapeClass(ReadableStreamBYOBRequest, ['view', 'respond', 'respondWithNewView']);

function requestOf(o) {
  const q = byobRequestRecord(o);
  if (q === undefined) throw invalidThis('ReadableStreamBYOBRequest');
  return q;
}

function byteControllerGetBYOBRequest(c) {
  if (c.byobRequest === null && c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled, first.byteLength - first.bytesFilled);
    const q = { obj: undefined, controller: c, view };
    q.obj = new ReadableStreamBYOBRequest(kCreate, q);
    c.byobRequest = q;
  }
  return c.byobRequest;
}

function byteControllerGetDesiredSize(c) {
  const state = c.stream.state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.strategyHWM - c.queueTotalSize;
}

function byteControllerCallPullIfNeeded(c) {
  if (!byteControllerShouldCallPull(c)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  then(c.pullAlgorithm(), () => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      byteControllerCallPullIfNeeded(c);
    }
  }, (e) => byteControllerError(c, e));
}

function byteControllerShouldCallPull(c) {
  const s = c.stream;
  if (s.state !== 'readable') return false;
  if (c.closeRequested) return false;
  if (!c.started) return false;
  if (hasDefaultReader(s) && numReadRequests(s) > 0) return true;
  if (hasBYOBReader(s) && numReadIntoRequests(s) > 0) return true;
  return byteControllerGetDesiredSize(c) > 0;
}

function byteControllerClearAlgorithms(c) {
  c.pullAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
}

function byteControllerInvalidateBYOBRequest(c) {
  if (c.byobRequest === null) return;
  c.byobRequest.controller = undefined;
  c.byobRequest.view = null;
  c.byobRequest = null;
}

function byteControllerClearPendingPullIntos(c) {
  byteControllerInvalidateBYOBRequest(c);
  c.pendingPullIntos = [];
}

function byteControllerClose(c) {
  const s = c.stream;
  if (c.closeRequested || s.state !== 'readable') return;
  if (c.queueTotalSize > 0) {
    c.closeRequested = true;
    return;
  }
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const e = new ERR_INVALID_STATE.TypeError('Partial read');
      byteControllerError(c, e);
      throw e;
    }
  }
  byteControllerClearAlgorithms(c);
  readableStreamClose(s);
}

function byteControllerError(c, e) {
  const s = c.stream;
  if (s.state !== 'readable') return;
  byteControllerClearPendingPullIntos(c);
  resetQueue(c);
  byteControllerClearAlgorithms(c);
  readableStreamError(s, e);
}

function byteControllerEnqueue(c, chunk) {
  const s = c.stream;
  if (c.closeRequested || s.state !== 'readable') return;
  const { buffer, byteOffset, byteLength } = chunk;
  if (isDetached(buffer)) throw new ERR_INVALID_STATE.TypeError('chunk ArrayBuffer is zero-length or detached');
  const transferred = transferArrayBuffer(buffer);
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    if (isDetached(first.buffer)) {
      throw new ERR_INVALID_STATE.TypeError('The BYOB request\'s buffer has been detached and so cannot be filled with an enqueued chunk');
    }
    byteControllerInvalidateBYOBRequest(c);
    first.buffer = transferArrayBuffer(first.buffer);
    if (first.readerType === 'none') byteControllerEnqueueDetachedPullIntoToQueue(c, first);
  }
  if (hasDefaultReader(s)) {
    byteControllerProcessReadRequestsUsingQueue(c);
    if (numReadRequests(s) === 0) {
      byteControllerEnqueueChunkToQueue(c, transferred, byteOffset, byteLength);
    } else {
      if (c.pendingPullIntos.length > 0) c.pendingPullIntos.shift();
      fulfillReadRequest(s, new Uint8Array(transferred, byteOffset, byteLength), false);
    }
  } else if (hasBYOBReader(s)) {
    byteControllerEnqueueChunkToQueue(c, transferred, byteOffset, byteLength);
    const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(c);
    for (const d of filled) byteControllerCommitPullIntoDescriptor(s, d);
  } else {
    byteControllerEnqueueChunkToQueue(c, transferred, byteOffset, byteLength);
  }
  byteControllerCallPullIfNeeded(c);
}

function byteControllerEnqueueChunkToQueue(c, buffer, byteOffset, byteLength) {
  c.queue.push({ buffer, byteOffset, byteLength });
  c.queueTotalSize += byteLength;
}

function byteControllerEnqueueClonedChunkToQueue(c, buffer, byteOffset, byteLength) {
  let clone;
  try {
    clone = buffer.slice(byteOffset, byteOffset + byteLength);
  } catch (e) {
    byteControllerError(c, e);
    throw e;
  }
  byteControllerEnqueueChunkToQueue(c, clone, 0, byteLength);
}

function byteControllerEnqueueDetachedPullIntoToQueue(c, d) {
  if (d.bytesFilled > 0) byteControllerEnqueueClonedChunkToQueue(c, d.buffer, d.byteOffset, d.bytesFilled);
  c.pendingPullIntos.shift();
}

function byteControllerFillPullIntoDescriptorFromQueue(c, d) {
  const maxBytesToCopy = Math.min(c.queueTotalSize, d.byteLength - d.bytesFilled);
  const maxBytesFilled = d.bytesFilled + maxBytesToCopy;
  let remaining = maxBytesToCopy;
  let ready = false;
  const maxAlignedBytes = maxBytesFilled - (maxBytesFilled % d.elementSize);
  if (maxAlignedBytes >= d.minimumFill) {
    remaining = maxAlignedBytes - d.bytesFilled;
    ready = true;
  }
  while (remaining > 0) {
    const head = c.queue.peek();
    const n = Math.min(remaining, head.byteLength);
    const destStart = d.byteOffset + d.bytesFilled;
    new Uint8Array(d.buffer, destStart, n).set(new Uint8Array(head.buffer, head.byteOffset, n));
    if (head.byteLength === n) c.queue.shift();
    else {
      head.byteOffset += n;
      head.byteLength -= n;
    }
    c.queueTotalSize -= n;
    d.bytesFilled += n;
    remaining -= n;
  }
  return ready;
}

function byteControllerFillReadRequestFromQueue(c, req) {
  const entry = c.queue.shift();
  c.queueTotalSize -= entry.byteLength;
  byteControllerHandleQueueDrain(c);
  req.chunk(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
}

function byteControllerHandleQueueDrain(c) {
  if (c.queueTotalSize === 0 && c.closeRequested) {
    byteControllerClearAlgorithms(c);
    readableStreamClose(c.stream);
  } else {
    byteControllerCallPullIfNeeded(c);
  }
}

function byteControllerProcessReadRequestsUsingQueue(c) {
  const r = c.stream.reader;
  while (r.readRequests.length > 0) {
    if (c.queueTotalSize === 0) return;
    byteControllerFillReadRequestFromQueue(c, r.readRequests.shift());
  }
}

function byteControllerProcessPullIntoDescriptorsUsingQueue(c) {
  const filled = [];
  while (c.pendingPullIntos.length > 0) {
    if (c.queueTotalSize === 0) break;
    const d = c.pendingPullIntos[0];
    if (byteControllerFillPullIntoDescriptorFromQueue(c, d)) {
      c.pendingPullIntos.shift();
      filled.push(d);
    }
  }
  return filled;
}

function byteControllerConvertPullIntoDescriptor(d) {
  const buffer = transferArrayBuffer(d.buffer);
  return new d.viewConstructor(buffer, d.byteOffset, d.bytesFilled / d.elementSize);
}

function byteControllerCommitPullIntoDescriptor(s, d) {
  const done = s.state === 'closed';
  const view = byteControllerConvertPullIntoDescriptor(d);
  if (d.readerType === 'default') fulfillReadRequest(s, view, done);
  else fulfillReadIntoRequest(s, view, done);
}

function byteControllerPullInto(c, view, min, req) {
  const s = c.stream;
  let elementSize = 1;
  let ctor = DataView;
  if (isTypedArray(view)) {
    elementSize = view.BYTES_PER_ELEMENT;
    ctor = view.constructor;
    // A subclass of a typed array reads back as its built-in class.
    while (ctor && !Object.prototype.hasOwnProperty.call(ctor, 'BYTES_PER_ELEMENT')) ctor = Object.getPrototypeOf(ctor);
  }
  const minimumFill = min * elementSize;
  const { byteOffset, byteLength } = view;
  let buffer;
  try {
    buffer = transferArrayBuffer(view.buffer);
  } catch (e) {
    req.error(e);
    return;
  }
  const d = {
    buffer, bufferByteLength: buffer.byteLength, byteOffset, byteLength, bytesFilled: 0, minimumFill,
    elementSize, viewConstructor: ctor, readerType: 'byob',
  };
  if (c.pendingPullIntos.length > 0) {
    c.pendingPullIntos.push(d);
    s.reader.readIntoRequests.push(req);
    return;
  }
  if (s.state === 'closed') {
    req.close(new ctor(d.buffer, d.byteOffset, 0));
    return;
  }
  if (c.queueTotalSize > 0) {
    if (byteControllerFillPullIntoDescriptorFromQueue(c, d)) {
      const filled = byteControllerConvertPullIntoDescriptor(d);
      byteControllerHandleQueueDrain(c);
      req.chunk(filled);
      return;
    }
    if (c.closeRequested) {
      const e = new ERR_INVALID_STATE.TypeError('ReadableStream closed');
      byteControllerError(c, e);
      req.error(e);
      return;
    }
  }
  c.pendingPullIntos.push(d);
  s.reader.readIntoRequests.push(req);
  byteControllerCallPullIfNeeded(c);
}

function byteControllerRespond(c, bytesWritten) {
  const first = c.pendingPullIntos[0];
  if (c.stream.state === 'closed') {
    if (bytesWritten !== 0) throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
  } else {
    if (bytesWritten === 0) throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
    if (first.bytesFilled + bytesWritten > first.byteLength) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
  }
  first.buffer = transferArrayBuffer(first.buffer);
  byteControllerRespondInternal(c, bytesWritten);
}

function byteControllerRespondInternal(c, bytesWritten) {
  const first = c.pendingPullIntos[0];
  byteControllerInvalidateBYOBRequest(c);
  if (c.stream.state === 'closed') byteControllerRespondInClosedState(c, first);
  else byteControllerRespondInReadableState(c, bytesWritten, first);
  byteControllerCallPullIfNeeded(c);
}

function byteControllerRespondInClosedState(c, first) {
  if (first.readerType === 'none') c.pendingPullIntos.shift();
  const s = c.stream;
  if (hasBYOBReader(s)) {
    const filled = [];
    while (filled.length < numReadIntoRequests(s)) filled.push(c.pendingPullIntos.shift());
    for (const d of filled) byteControllerCommitPullIntoDescriptor(s, d);
  }
}

function byteControllerRespondInReadableState(c, bytesWritten, d) {
  d.bytesFilled += bytesWritten;
  const s = c.stream;
  if (d.readerType === 'none') {
    byteControllerEnqueueDetachedPullIntoToQueue(c, d);
    const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(c);
    for (const f of filled) byteControllerCommitPullIntoDescriptor(s, f);
    return;
  }
  if (d.bytesFilled < d.minimumFill) return;
  c.pendingPullIntos.shift();
  const remainder = d.bytesFilled % d.elementSize;
  if (remainder > 0) {
    const end = d.byteOffset + d.bytesFilled;
    byteControllerEnqueueClonedChunkToQueue(c, d.buffer, end - remainder, remainder);
  }
  d.bytesFilled -= remainder;
  const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(c);
  byteControllerCommitPullIntoDescriptor(s, d);
  for (const f of filled) byteControllerCommitPullIntoDescriptor(s, f);
}

function byteControllerRespondWithNewView(c, view) {
  const first = c.pendingPullIntos[0];
  if (c.stream.state === 'closed') {
    if (view.byteLength !== 0) throw new ERR_INVALID_ARG_VALUE('view', view);
  } else if (view.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('view', view);
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset) throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  if (first.bufferByteLength !== view.buffer.byteLength) throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  if (first.bytesFilled + view.byteLength > first.byteLength) throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  const n = view.byteLength;
  first.buffer = transferArrayBuffer(view.buffer);
  byteControllerRespondInternal(c, n);
}

function setUpByteController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm, autoAllocateChunkSize) {
  c.stream = s;
  c.pullAgain = c.pulling = false;
  c.byobRequest = null;
  resetQueue(c);
  c.closeRequested = c.started = false;
  c.strategyHWM = hwm;
  c.pullAlgorithm = pullAlgorithm;
  c.cancelAlgorithm = cancelAlgorithm;
  c.autoAllocateChunkSize = autoAllocateChunkSize;
  c.pendingPullIntos = [];
  s.controller = c;
  const startResult = startAlgorithm();
  then(promiseResolvedWith(startResult), () => {
    c.started = true;
    byteControllerCallPullIfNeeded(c);
  }, (r) => byteControllerError(c, r));
}

function setUpByteControllerFromSource(s, source, hwm) {
  const start = methodOf(source, 'start', 'source');
  const pull = methodOf(source, 'pull', 'source');
  const cancel = methodOf(source, 'cancel', 'source');
  let size = source.autoAllocateChunkSize;
  if (size !== undefined) {
    const n = Number(size);
    if (!Number.isInteger(n) || n <= 0 || n > Number.MAX_SAFE_INTEGER) {
      throw new ERR_INVALID_ARG_VALUE('source.autoAllocateChunkSize', size);
    }
    size = n;
  }
  const c = newByteControllerRecord();
  setUpByteController(s, c,
    () => (start === undefined ? undefined : Reflect.apply(start, source, [c.obj])),
    () => promiseCall(pull, source, c.obj),
    (reason) => promiseCall(cancel, source, reason),
    hwm, size);
}

// ---- tee -------------------------------------------------------------------------------------

function readableStreamTee(s, cloneForBranch2) {
  if (s.controller.byte) return byteStreamTee(s);
  return defaultTee(s, cloneForBranch2);
}

function defaultTee(s, cloneForBranch2) {
  const reader = acquireDefaultReader(s);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1, reason2, branch1, branch2;
  const cancelPromise = deferred();

  function pullAlgorithm() {
    if (reading) {
      readAgain = true;
      return Promise.resolve();
    }
    reading = true;
    defaultReaderRead(reader, {
      chunk: (chunk) => queueMicrotask(() => {
        readAgain = false;
        let chunk2 = chunk;
        if (!canceled2 && cloneForBranch2) {
          try {
            chunk2 = structuredClone(chunk);
          } catch (e) {
            defaultControllerError(branch1.controller, e);
            defaultControllerError(branch2.controller, e);
            settleResolve(cancelPromise, readableStreamCancel(s, e));
            return;
          }
        }
        if (!canceled1) defaultControllerEnqueue(branch1.controller, chunk);
        if (!canceled2) defaultControllerEnqueue(branch2.controller, chunk2);
        reading = false;
        if (readAgain) pullAlgorithm();
      }),
      close: () => {
        reading = false;
        if (!canceled1) defaultControllerClose(branch1.controller);
        if (!canceled2) defaultControllerClose(branch2.controller);
        if (!canceled1 || !canceled2) settleResolve(cancelPromise);
      },
      error: () => { reading = false; },
    });
    return Promise.resolve();
  }

  function cancel1(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) settleResolve(cancelPromise, readableStreamCancel(s, [reason1, reason2]));
    return cancelPromise.promise;
  }

  function cancel2(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) settleResolve(cancelPromise, readableStreamCancel(s, [reason1, reason2]));
    return cancelPromise.promise;
  }

  branch1 = createReadableStream(noop, pullAlgorithm, cancel1);
  branch2 = createReadableStream(noop, pullAlgorithm, cancel2);
  then(reader.closed.promise, undefined, (r) => {
    defaultControllerError(branch1.controller, r);
    defaultControllerError(branch2.controller, r);
    if (!canceled1 || !canceled2) settleResolve(cancelPromise);
  });
  return [branch1, branch2];
}

function byteStreamTee(s) {
  let reader = acquireDefaultReader(s);
  let reading = false;
  let readAgainForBranch1 = false;
  let readAgainForBranch2 = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1, reason2, branch1, branch2;
  const cancelPromise = deferred();

  function forwardReaderError(thisReader) {
    then(thisReader.closed.promise, undefined, (r) => {
      if (thisReader !== reader) return;
      byteControllerError(branch1.controller, r);
      byteControllerError(branch2.controller, r);
      if (!canceled1 || !canceled2) settleResolve(cancelPromise);
    });
  }

  function pullWithDefaultReader() {
    if (reader.byob) {
      byobReaderRelease(reader);
      reader = acquireDefaultReader(s);
      forwardReaderError(reader);
    }
    defaultReaderRead(reader, {
      chunk: (chunk) => queueMicrotask(() => {
        readAgainForBranch1 = false;
        readAgainForBranch2 = false;
        let chunk2 = chunk;
        if (!canceled1 && !canceled2) {
          try {
            chunk2 = cloneAsUint8Array(chunk);
          } catch (e) {
            byteControllerError(branch1.controller, e);
            byteControllerError(branch2.controller, e);
            settleResolve(cancelPromise, readableStreamCancel(s, e));
            return;
          }
        }
        if (!canceled1) byteControllerEnqueue(branch1.controller, chunk);
        if (!canceled2) byteControllerEnqueue(branch2.controller, chunk2);
        reading = false;
        if (readAgainForBranch1) pull1();
        else if (readAgainForBranch2) pull2();
      }),
      close: () => {
        reading = false;
        if (!canceled1) byteControllerClose(branch1.controller);
        if (!canceled2) byteControllerClose(branch2.controller);
        if (branch1.controller.pendingPullIntos.length > 0) byteControllerRespond(branch1.controller, 0);
        if (branch2.controller.pendingPullIntos.length > 0) byteControllerRespond(branch2.controller, 0);
        if (!canceled1 || !canceled2) settleResolve(cancelPromise);
      },
      error: () => { reading = false; },
    });
  }

  function pullWithBYOBReader(view, forBranch2) {
    if (!reader.byob) {
      defaultReaderRelease(reader);
      reader = acquireBYOBReader(s);
      forwardReaderError(reader);
    }
    const byobBranch = forBranch2 ? branch2 : branch1;
    const otherBranch = forBranch2 ? branch1 : branch2;
    byobReaderRead(reader, view, 1, {
      chunk: (chunk) => queueMicrotask(() => {
        readAgainForBranch1 = false;
        readAgainForBranch2 = false;
        const byobCanceled = forBranch2 ? canceled2 : canceled1;
        const otherCanceled = forBranch2 ? canceled1 : canceled2;
        if (!otherCanceled) {
          let cloned;
          try {
            cloned = cloneAsUint8Array(chunk);
          } catch (e) {
            byteControllerError(byobBranch.controller, e);
            byteControllerError(otherBranch.controller, e);
            settleResolve(cancelPromise, readableStreamCancel(s, e));
            return;
          }
          if (!byobCanceled) byteControllerRespondWithNewView(byobBranch.controller, chunk);
          byteControllerEnqueue(otherBranch.controller, cloned);
        } else if (!byobCanceled) {
          byteControllerRespondWithNewView(byobBranch.controller, chunk);
        }
        reading = false;
        if (readAgainForBranch1) pull1();
        else if (readAgainForBranch2) pull2();
      }),
      close: (chunk) => {
        reading = false;
        const byobCanceled = forBranch2 ? canceled2 : canceled1;
        const otherCanceled = forBranch2 ? canceled1 : canceled2;
        if (!byobCanceled) byteControllerClose(byobBranch.controller);
        if (!otherCanceled) byteControllerClose(otherBranch.controller);
        if (chunk !== undefined) {
          if (!byobCanceled) byteControllerRespondWithNewView(byobBranch.controller, chunk);
          if (!otherCanceled && otherBranch.controller.pendingPullIntos.length > 0) {
            byteControllerRespond(otherBranch.controller, 0);
          }
        }
        if (!byobCanceled || !otherCanceled) settleResolve(cancelPromise);
      },
      error: () => { reading = false; },
    });
  }

  function pull1() {
    if (reading) {
      readAgainForBranch1 = true;
      return Promise.resolve();
    }
    reading = true;
    const req = byteControllerGetBYOBRequest(branch1.controller);
    if (req === null) pullWithDefaultReader();
    else pullWithBYOBReader(req.view, false);
    return Promise.resolve();
  }

  function pull2() {
    if (reading) {
      readAgainForBranch2 = true;
      return Promise.resolve();
    }
    reading = true;
    const req = byteControllerGetBYOBRequest(branch2.controller);
    if (req === null) pullWithDefaultReader();
    else pullWithBYOBReader(req.view, true);
    return Promise.resolve();
  }

  function cancel1(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) settleResolve(cancelPromise, readableStreamCancel(s, [reason1, reason2]));
    return cancelPromise.promise;
  }

  function cancel2(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) settleResolve(cancelPromise, readableStreamCancel(s, [reason1, reason2]));
    return cancelPromise.promise;
  }

  branch1 = createReadableByteStream(noop, pull1, cancel1);
  branch2 = createReadableByteStream(noop, pull2, cancel2);
  forwardReaderError(reader);
  return [branch1, branch2];
}

// ---- pipeTo ----------------------------------------------------------------------------------

function readableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
  const ws = require('internal/webstreams/writablestream');
  const reader = acquireDefaultReader(source);
  const writer = ws.acquireWriter(dest);
  source.disturbed = true;
  let shuttingDown = false;
  let currentWrite = Promise.resolve();
  const result = deferred();
  let abortAlgorithm;

  if (signal !== undefined) {
    abortAlgorithm = () => {
      const error = signal.reason;
      const actions = [];
      if (!preventAbort) {
        actions.push(() => (dest.state === 'writable' ? ws.writableStreamAbort(dest, error) : Promise.resolve()));
      }
      if (!preventCancel) {
        actions.push(() => (source.state === 'readable' ? readableStreamCancel(source, error) : Promise.resolve()));
      }
      shutdownWithAction(() => Promise.all(actions.map((a) => a())), true, error);
    };
    if (signal.aborted) {
      abortAlgorithm();
      return result.promise;
    }
    signal.addEventListener('abort', abortAlgorithm, { once: true });
  }

  function pipeStep() {
    if (shuttingDown) return Promise.resolve(true);
    return then(writer.ready.promise, () => new Promise((resolve, reject) => {
      if (shuttingDown) {
        resolve(true);
        return;
      }
      defaultReaderRead(reader, {
        chunk: (chunk) => {
          // The write starts in a microtask: enqueue() must not reach the sink synchronously.
          currentWrite = then(Promise.resolve(), () => then(ws.writerWrite(writer, chunk), undefined, noop));
          resolve(false);
        },
        close: () => resolve(true),
        error: reject,
      });
    }));
  }

  function pipeLoop() {
    return new Promise((resolve, reject) => {
      const next = (done) => {
        if (done) resolve();
        else then(pipeStep(), next, reject);
      };
      next(false);
    });
  }

  function waitForWritesToFinish() {
    const old = currentWrite;
    return then(currentWrite, () => (old !== currentWrite ? waitForWritesToFinish() : undefined));
  }

  function destWritableAndOpen() {
    return dest.state === 'writable' && !ws.closeQueuedOrInFlight(dest);
  }

  function shutdownWithAction(action, originalIsError, originalError) {
    if (shuttingDown) return;
    shuttingDown = true;
    const doTheRest = () => {
      let p;
      try {
        p = Promise.resolve(action());
      } catch (e) {
        p = Promise.reject(e);
      }
      then(p, () => finalize(originalIsError, originalError), (newError) => finalize(true, newError));
    };
    if (destWritableAndOpen()) then(waitForWritesToFinish(), doTheRest);
    else doTheRest();
  }

  function shutdown(isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    if (destWritableAndOpen()) then(waitForWritesToFinish(), () => finalize(isError, error));
    else finalize(isError, error);
  }

  function finalize(isError, error) {
    ws.writerRelease(writer);
    defaultReaderRelease(reader);
    if (signal !== undefined) signal.removeEventListener('abort', abortAlgorithm);
    if (isError) settleReject(result, error);
    else settleResolve(result, undefined);
  }

  // Errors must be propagated forward.
  const onSourceError = (storedError) => {
    if (!preventAbort) shutdownWithAction(() => ws.writableStreamAbort(dest, storedError), true, storedError);
    else shutdown(true, storedError);
  };
  // Errors must be propagated backward.
  const onDestError = (storedError) => {
    if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, storedError), true, storedError);
    else shutdown(true, storedError);
  };
  // Closing must be propagated forward.
  const onSourceClose = () => {
    if (!preventClose) shutdownWithAction(() => ws.writerCloseWithErrorPropagation(writer));
    else shutdown();
  };

  if (source.state === 'errored') onSourceError(source.storedError);
  else then(reader.closed.promise, undefined, onSourceError);
  if (dest.state === 'errored') onDestError(dest.storedError);
  else then(writer.closed.promise, undefined, onDestError);
  if (source.state === 'closed') onSourceClose();
  else then(reader.closed.promise, onSourceClose, noop);
  // Closing must be propagated backward.
  if (ws.closeQueuedOrInFlight(dest) || dest.state === 'closed') {
    const destClosed = new ERR_INVALID_STATE.TypeError('Destination WritableStream is closed');
    if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, destClosed), true, destClosed);
    else shutdown(true, destClosed);
  }
  markHandled(pipeLoop());
  return result.promise;
}

// ---- async iteration -------------------------------------------------------------------------

const asyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

const readableStreamAsyncIteratorPrototype = Object.create(asyncIteratorPrototype);
let iteratorState;
{
  const states = new WeakMap();
  iteratorState = (o) => {
    const st = states.get(o);
    if (st === undefined) throw invalidThis('ReadableStreamAsyncIterator');
    return st;
  };
  iteratorState.set = (o, st) => states.set(o, st);
}

Object.defineProperties(readableStreamAsyncIteratorPrototype, {
  next: {
    value: function next() {
      let st;
      try {
        st = iteratorState(this);
      } catch (e) {
        return Promise.reject(e);
      }
      const nextSteps = () => {
        if (st.finished) return Promise.resolve({ done: true, value: undefined });
        return then(iteratorNextStep(st), (result) => {
          st.ongoing = undefined;
          if (result.done) st.finished = true;
          return result;
        }, (reason) => {
          st.ongoing = undefined;
          st.finished = true;
          throw reason;
        });
      };
      st.ongoing = st.ongoing !== undefined ? then(st.ongoing, nextSteps, nextSteps) : nextSteps();
      return st.ongoing;
    },
    writable: true, enumerable: true, configurable: true,
  },
  return: {
    value: function return_(value) {
      let st;
      try {
        st = iteratorState(this);
      } catch (e) {
        return Promise.reject(e);
      }
      const returnSteps = () => {
        if (st.finished) return Promise.resolve();
        st.finished = true;
        return iteratorReturnStep(st, value);
      };
      st.ongoing = st.ongoing !== undefined ? then(st.ongoing, returnSteps, returnSteps) : returnSteps();
      return then(st.ongoing, () => ({ done: true, value }));
    },
    writable: true, enumerable: true, configurable: true,
  },
});
Object.defineProperty(readableStreamAsyncIteratorPrototype.return, 'name', { value: 'return' });

const iteratorSelf = {
  [Symbol.asyncIterator]() { return this; },
}[Symbol.asyncIterator];

function iteratorNextStep(st) {
  const r = st.reader;
  if (r.stream === undefined) {
    return Promise.reject(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
  }
  return new Promise((resolve, reject) => {
    defaultReaderRead(r, {
      chunk: (value) => resolve({ value, done: false }),
      close: () => {
        defaultReaderRelease(r);
        resolve({ done: true, value: undefined });
      },
      error: (e) => {
        defaultReaderRelease(r);
        reject(e);
      },
    });
  });
}

function iteratorReturnStep(st, value) {
  const r = st.reader;
  if (r.stream === undefined) return Promise.resolve({ value, done: true });
  if (!st.preventCancel) {
    const result = readerGenericCancel(r, value);
    defaultReaderRelease(r);
    return then(result, () => ({ value, done: true }));
  }
  defaultReaderRelease(r);
  return Promise.resolve({ value, done: true });
}

function createAsyncIterator(s, preventCancel) {
  const reader = acquireDefaultReader(s);
  const it = Object.create(readableStreamAsyncIteratorPrototype);
  iteratorState.set(it, { reader, preventCancel, ongoing: undefined, finished: false });
  // Node's iterators carry their methods as own properties too.
  it.next = readableStreamAsyncIteratorPrototype.next;
  it.return = readableStreamAsyncIteratorPrototype.return;
  it[Symbol.asyncIterator] = iteratorSelf;
  return it;
}

// ---- ReadableStream.from ---------------------------------------------------------------------

function getAsyncIterator(obj) {
  let method = obj?.[Symbol.asyncIterator];
  if (method === undefined || method === null) {
    const syncMethod = obj?.[Symbol.iterator];
    if (syncMethod === undefined || syncMethod === null || typeof syncMethod !== 'function') {
      throw new codes.ERR_ARG_NOT_ITERABLE(require('internal/util/inspect').inspect(obj));
    }
    const it = Reflect.apply(syncMethod, obj, []);
    if (it === null || typeof it !== 'object') throw new TypeError('The iterator is not an object');
    const next = it.next;
    // The standard's async-from-sync iterator: each step's value is awaited.
    const wrapResult = (r) => {
      if (r === null || typeof r !== 'object') throw new TypeError('The iterator result is not an object');
      const done = !!r.done;
      return then(Promise.resolve(r.value), (value) => ({ value, done }), (e) => {
        if (!done && typeof it.return === 'function') {
          try { it.return(); } catch { /* the original error wins */ }
        }
        throw e;
      });
    };
    return {
      iterator: {
        next: () => wrapResult(Reflect.apply(next, it, [])),
        return: (v) => {
          const ret = it.return;
          if (ret === undefined || ret === null) return Promise.resolve({ value: v, done: true });
          return wrapResult(Reflect.apply(ret, it, [v]));
        },
      },
    };
  }
  if (typeof method !== 'function') {
    throw new codes.ERR_ARG_NOT_ITERABLE(require('internal/util/inspect').inspect(obj));
  }
  const iterator = Reflect.apply(method, obj, []);
  if (iterator === null || (typeof iterator !== 'object' && typeof iterator !== 'function')) {
    throw new TypeError('The iterator is not an object');
  }
  return { iterator };
}

function readableStreamFromIterable(asyncIterable) {
  const { iterator } = getAsyncIterator(asyncIterable);
  const nextMethod = iterator.next;
  let s;
  const pull = () => {
    let nextResult;
    try {
      nextResult = Reflect.apply(nextMethod, iterator, []);
    } catch (e) {
      return Promise.reject(e);
    }
    return then(Promise.resolve(nextResult), (r) => {
      if (r === null || (typeof r !== 'object' && typeof r !== 'function')) {
        throw new TypeError('The promise returned by the iterator.next() method must fulfill with an object');
      }
      if (r.done) defaultControllerClose(s.controller);
      else defaultControllerEnqueue(s.controller, r.value);
    });
  };
  const cancel = (reason) => {
    let ret;
    try {
      ret = iterator.return;
      if (ret === undefined || ret === null) return Promise.resolve();
      if (typeof ret !== 'function') throw new TypeError('iterator.return is not a function');
      ret = Reflect.apply(ret, iterator, [reason]);
    } catch (e) {
      return Promise.reject(e);
    }
    return then(Promise.resolve(ret), (r) => {
      if (r === null || (typeof r !== 'object' && typeof r !== 'function')) {
        throw new TypeError('The promise returned by the iterator.return() method must fulfill with an object');
      }
    });
  };
  s = createReadableStream(noop, pull, cancel, 0);
  return s;
}

// ---- for other modules -----------------------------------------------------------------------

function isReadableStream(v) {
  return streamRecord(v) !== undefined;
}

module.exports = {
  ReadableStream, ReadableStreamDefaultReader, ReadableStreamBYOBReader, ReadableStreamBYOBRequest,
  ReadableByteStreamController, ReadableStreamDefaultController,
  // Internal operations for TransformStream, the encoding streams, fetch and the node:stream adapters.
  streamRecord, isReadableStream, createReadableStream, createReadableByteStream, readableStreamCancel,
  readableStreamTee, defaultControllerEnqueue, defaultControllerClose, defaultControllerError,
  defaultControllerGetDesiredSize, defaultControllerHasBackpressure, defaultControllerCanCloseOrEnqueue,
  byteControllerEnqueue, byteControllerClose, byteControllerError, acquireDefaultReader, defaultReaderRead,
  defaultReaderRelease, readableStreamFromIterable, isLocked,
};
