'use strict';
// WritableStream, its writer and controller, as the WHATWG Streams standard defines them.
// Internal slots live in one record per public object (see readablestream.js).

const { codes } = require('internal/errors');
const {
  kCreate, inspectCustom, then, promiseResolvedWith, deferred, settleResolve, settleReject, markHandled, rejected,
  resolvedDeferred,
  rejectedDeferred, promiseCall, methodOf, extractHighWaterMark, extractSizeAlgorithm, resetQueue,
  enqueueValueWithSize, dequeueValue, peekQueueValue, shapeClass, customInspect, invalidThis,
} = require('internal/webstreams/util');

const { ERR_INVALID_STATE, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = codes;
const closeSentinel = Symbol('close');

let writableRecord, writerRecord, controllerRecord;

class WritableStream {
  #s;

  static {
    writableRecord = (o) => (o !== null && typeof o === 'object' && #s in o ? o.#s : undefined);
  }

  constructor(sink = undefined, strategy = undefined) {
    this.#s = {
      obj: this, state: 'writable', storedError: undefined, writer: undefined, controller: undefined,
      inFlightWriteRequest: undefined, closeRequest: undefined, inFlightCloseRequest: undefined,
      pendingAbortRequest: undefined, writeRequests: [], backpressure: false, isClosed: deferred(),
    };
    markHandled(this.#s.isClosed.promise);
    if (sink === kCreate) return;
    if (sink !== undefined && (sink === null || (typeof sink !== 'object' && typeof sink !== 'function'))) {
      throw new ERR_INVALID_ARG_TYPE('sink', 'object', sink);
    }
    if (strategy !== undefined && strategy !== null && typeof strategy !== 'object' && typeof strategy !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('strategy', 'object', strategy);
    }
    strategy ??= {};
    if (sink?.type !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('type', sink.type);
    const size = extractSizeAlgorithm(strategy);
    const hwm = extractHighWaterMark(strategy, 1);
    setUpControllerFromSink(this.#s, sink, hwm, size);
  }

  get locked() {
    return isWritableLocked(recordOf(this));
  }

  abort(reason = undefined) {
    const s = writableRecord(this);
    if (s === undefined) return rejected(invalidThis('WritableStream'));
    if (isWritableLocked(s)) return rejected(new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    return writableStreamAbort(s, reason);
  }

  close() {
    const s = writableRecord(this);
    if (s === undefined) return rejected(invalidThis('WritableStream'));
    if (isWritableLocked(s)) return rejected(new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    if (closeQueuedOrInFlight(s)) return rejected(new ERR_INVALID_STATE.TypeError('Failure closing WritableStream'));
    return writableStreamClose(s);
  }

  getWriter() {
    recordOf(this);
    return new WritableStreamDefaultWriter(this);
  }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#s in this)) throw invalidThis('WritableStream');
    const s = this.#s;
    return customInspect('WritableStream', { locked: isWritableLocked(s), state: s.state }, depth, options, inspect);
  }
}
shapeClass(WritableStream, ['locked', 'abort', 'close', 'getWriter']);

// What node:stream's finished(), pipeline() and addAbortSignal() read of a web stream.
{
  const { kIsErrored, kIsWritable } = require('internal/streams/utils');
  const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');
  const kControllerErrorFunction = Symbol.for('nodejs.webstream.controllerErrorFunction');
  Object.defineProperties(WritableStream.prototype, {
    [kIsErrored]: { get() { return recordOf(this).state === 'errored'; }, configurable: true },
    [kIsWritable]: { get() { return recordOf(this).state === 'writable'; }, configurable: true },
    [kControllerErrorFunction]: {
      get() {
        const c = recordOf(this).controller;
        return {
          [kControllerErrorFunction](error) { controllerErrorIfNeeded(c, error); },
        }[kControllerErrorFunction];
      },
      configurable: true,
    },
    [kIsClosedPromise]: { get() { return recordOf(this).isClosed; }, configurable: true },
  });
}

function recordOf(o) {
  const s = writableRecord(o);
  if (s === undefined) throw invalidThis('WritableStream');
  return s;
}

function isWritableLocked(s) {
  return s.writer !== undefined;
}

function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, hwm = 1,
  sizeAlgorithm = () => 1) {
  const s = writableRecord(new WritableStream(kCreate));
  const c = newControllerRecord();
  setUpController(s, c, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, hwm, sizeAlgorithm);
  return s;
}

function writableStreamAbort(s, reason) {
  if (s.state === 'closed' || s.state === 'errored') return Promise.resolve();
  s.controller.abortController.abort(reason);
  const state = s.state;
  if (state === 'closed' || state === 'errored') return Promise.resolve();
  if (s.pendingAbortRequest !== undefined) return s.pendingAbortRequest.promise.promise;
  const wasAlreadyErroring = state === 'erroring';
  if (wasAlreadyErroring) reason = undefined;
  const promise = deferred();
  s.pendingAbortRequest = { promise, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) startErroring(s, reason);
  return promise.promise;
}

function writableStreamClose(s) {
  const state = s.state;
  if (state === 'closed' || state === 'errored') {
    return rejected(new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  const promise = deferred();
  s.closeRequest = promise;
  const w = s.writer;
  if (w !== undefined && s.backpressure && state === 'writable') settleResolve(w.ready);
  controllerClose(s.controller);
  return promise.promise;
}

function dealWithRejection(s, error) {
  if (s.state === 'writable') {
    startErroring(s, error);
    return;
  }
  finishErroring(s);
}

function startErroring(s, reason) {
  const c = s.controller;
  s.state = 'erroring';
  s.storedError = reason;
  const w = s.writer;
  if (w !== undefined) ensureReadyPromiseRejected(w, reason);
  if (!hasOperationMarkedInFlight(s) && c.started) finishErroring(s);
}

function finishErroring(s) {
  s.state = 'errored';
  settleReject(s.isClosed, s.storedError);
  resetQueue(s.controller);
  const storedError = s.storedError;
  const requests = s.writeRequests;
  s.writeRequests = [];
  for (const req of requests) settleReject(req, storedError);
  const abortRequest = s.pendingAbortRequest;
  if (abortRequest === undefined) {
    rejectCloseAndClosedPromiseIfNeeded(s);
    return;
  }
  s.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    settleReject(abortRequest.promise, storedError);
    rejectCloseAndClosedPromiseIfNeeded(s);
    return;
  }
  const c = s.controller;
  const result = c.abortAlgorithm(abortRequest.reason);
  controllerClearAlgorithms(c);
  then(result, () => {
    settleResolve(abortRequest.promise);
    rejectCloseAndClosedPromiseIfNeeded(s);
  }, (reason) => {
    settleReject(abortRequest.promise, reason);
    rejectCloseAndClosedPromiseIfNeeded(s);
  });
}

function finishInFlightWrite(s) {
  settleResolve(s.inFlightWriteRequest);
  s.inFlightWriteRequest = undefined;
}

function finishInFlightWriteWithError(s, error) {
  settleReject(s.inFlightWriteRequest, error);
  s.inFlightWriteRequest = undefined;
  dealWithRejection(s, error);
}

function finishInFlightClose(s) {
  settleResolve(s.inFlightCloseRequest);
  s.inFlightCloseRequest = undefined;
  if (s.state === 'erroring') {
    s.storedError = undefined;
    if (s.pendingAbortRequest !== undefined) {
      settleResolve(s.pendingAbortRequest.promise);
      s.pendingAbortRequest = undefined;
    }
  }
  s.state = 'closed';
  settleResolve(s.isClosed);
  const w = s.writer;
  if (w !== undefined) settleResolve(w.closed);
}

function finishInFlightCloseWithError(s, error) {
  settleReject(s.inFlightCloseRequest, error);
  s.inFlightCloseRequest = undefined;
  if (s.pendingAbortRequest !== undefined) {
    settleReject(s.pendingAbortRequest.promise, error);
    s.pendingAbortRequest = undefined;
  }
  dealWithRejection(s, error);
}

function closeQueuedOrInFlight(s) {
  return s.closeRequest !== undefined || s.inFlightCloseRequest !== undefined;
}

function hasOperationMarkedInFlight(s) {
  return s.inFlightWriteRequest !== undefined || s.inFlightCloseRequest !== undefined;
}

function rejectCloseAndClosedPromiseIfNeeded(s) {
  if (s.closeRequest !== undefined) {
    settleReject(s.closeRequest, s.storedError);
    s.closeRequest = undefined;
  }
  const w = s.writer;
  if (w !== undefined) {
    settleReject(w.closed, s.storedError);
    markHandled(w.closed.promise);
  }
}

function updateBackpressure(s, backpressure) {
  const w = s.writer;
  if (w !== undefined && backpressure !== s.backpressure) {
    if (backpressure) w.ready = deferred();
    else settleResolve(w.ready);
  }
  s.backpressure = backpressure;
}

// ---- WritableStreamDefaultWriter -------------------------------------------------------------

class WritableStreamDefaultWriter {
  #w;

  static {
    writerRecord = (o) => (o !== null && typeof o === 'object' && #w in o ? o.#w : undefined);
  }

  constructor(stream) {
    const s = writableRecord(stream);
    if (s === undefined) throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    if (isWritableLocked(s)) throw new ERR_INVALID_STATE.TypeError('WritableStream is locked');
    const w = { obj: this, stream: s, ready: undefined, closed: undefined };
    this.#w = w;
    s.writer = w;
    const state = s.state;
    if (state === 'writable') {
      w.ready = !closeQueuedOrInFlight(s) && s.backpressure ? deferred() : resolvedDeferred(undefined);
      w.closed = deferred();
    } else if (state === 'erroring') {
      w.ready = rejectedDeferred(s.storedError);
      w.closed = deferred();
    } else if (state === 'closed') {
      w.ready = resolvedDeferred(undefined);
      w.closed = resolvedDeferred(undefined);
    } else {
      w.ready = rejectedDeferred(s.storedError);
      w.closed = rejectedDeferred(s.storedError);
    }
  }

  get closed() {
    const w = writerRecord(this);
    if (w === undefined) return rejected(invalidThis('WritableStreamDefaultWriter'));
    return w.closed.promise;
  }

  get desiredSize() {
    const w = writerOf(this);
    if (w.stream === undefined) throw new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream');
    return writerGetDesiredSize(w);
  }

  get ready() {
    const w = writerRecord(this);
    if (w === undefined) return rejected(invalidThis('WritableStreamDefaultWriter'));
    return w.ready.promise;
  }

  abort(reason = undefined) {
    const w = writerRecord(this);
    if (w === undefined) return rejected(invalidThis('WritableStreamDefaultWriter'));
    if (w.stream === undefined) {
      return rejected(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    return writableStreamAbort(w.stream, reason);
  }

  close() {
    const w = writerRecord(this);
    if (w === undefined) return rejected(invalidThis('WritableStreamDefaultWriter'));
    const s = w.stream;
    if (s === undefined) return rejected(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    if (closeQueuedOrInFlight(s)) return rejected(new ERR_INVALID_STATE.TypeError('Failure to close WritableStream'));
    return writableStreamClose(s);
  }

  releaseLock() {
    const w = writerOf(this);
    if (w.stream === undefined) return;
    writerRelease(w);
  }

  write(chunk = undefined) {
    const w = writerRecord(this);
    if (w === undefined) return rejected(invalidThis('WritableStreamDefaultWriter'));
    if (w.stream === undefined) {
      return rejected(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    return writerWrite(w, chunk);
  }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#w in this)) throw invalidThis('WritableStreamDefaultWriter');
    const w = this.#w;
    return customInspect('WritableStreamDefaultWriter', {
      stream: w.stream?.obj, close: w.closed.promise, ready: w.ready.promise,
      desiredSize: w.stream === undefined ? undefined : writerGetDesiredSize(w),
    }, depth, options, inspect);
  }
}
shapeClass(WritableStreamDefaultWriter, ['closed', 'desiredSize', 'ready', 'abort', 'close', 'releaseLock', 'write']);

function writerOf(o) {
  const w = writerRecord(o);
  if (w === undefined) throw invalidThis('WritableStreamDefaultWriter');
  return w;
}

function acquireWriter(s) {
  return writerRecord(new WritableStreamDefaultWriter(s.obj));
}

function ensureClosedPromiseRejected(w, error) {
  if (!w.closed.settled) settleReject(w.closed, error);
  else w.closed = rejectedDeferred(error);
  markHandled(w.closed.promise);
}

function ensureReadyPromiseRejected(w, error) {
  if (!w.ready.settled) settleReject(w.ready, error);
  else w.ready = rejectedDeferred(error);
  markHandled(w.ready.promise);
}

function writerGetDesiredSize(w) {
  const state = w.stream.state;
  if (state === 'errored' || state === 'erroring') return null;
  if (state === 'closed') return 0;
  return controllerGetDesiredSize(w.stream.controller);
}

function writerRelease(w) {
  const s = w.stream;
  const released = new ERR_INVALID_STATE.TypeError('Writer has been released');
  ensureReadyPromiseRejected(w, released);
  ensureClosedPromiseRejected(w, released);
  s.writer = undefined;
  w.stream = undefined;
}

function writerWrite(w, chunk) {
  const s = w.stream;
  const c = s.controller;
  const chunkSize = controllerGetChunkSize(c, chunk);
  if (s !== w.stream) return rejected(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
  const state = s.state;
  if (state === 'errored') return rejected(s.storedError);
  if (closeQueuedOrInFlight(s) || state === 'closed') {
    return rejected(new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  if (state === 'erroring') return rejected(s.storedError);
  const promise = deferred();
  s.writeRequests.push(promise);
  controllerWrite(c, chunk, chunkSize);
  return promise.promise;
}

function writerCloseWithErrorPropagation(w) {
  const s = w.stream;
  const state = s.state;
  if (closeQueuedOrInFlight(s) || state === 'closed') return Promise.resolve();
  if (state === 'errored') return Promise.reject(s.storedError);
  return writableStreamClose(s);
}

// ---- WritableStreamDefaultController ---------------------------------------------------------

function newControllerRecord() {
  const c = {
    obj: undefined, stream: undefined, queue: undefined, queueTotalSize: 0, abortController: undefined,
    started: false, strategySizeAlgorithm: undefined, strategyHWM: 1, writeAlgorithm: undefined,
    closeAlgorithm: undefined, abortAlgorithm: undefined,
  };
  c.obj = new WritableStreamDefaultController(kCreate, c);
  return c;
}

class WritableStreamDefaultController {
  #c;

  static {
    controllerRecord = (o) => (o !== null && typeof o === 'object' && #c in o ? o.#c : undefined);
  }

  constructor(key = undefined, record = undefined) {
    if (key !== kCreate) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    this.#c = record;
  }

  get signal() {
    return controllerOf(this).abortController.signal;
  }

  error(error = undefined) {
    const c = controllerOf(this);
    if (c.stream.state !== 'writable') return;
    controllerError(c, error);
  }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#c in this)) throw invalidThis('WritableStreamDefaultController');
    return customInspect('WritableStreamDefaultController', { stream: this.#c.stream.obj }, depth, options, inspect);
  }
}
shapeClass(WritableStreamDefaultController, ['signal', 'error']);

function controllerOf(o) {
  const c = controllerRecord(o);
  if (c === undefined) throw invalidThis('WritableStreamDefaultController');
  return c;
}

function setUpController(s, c, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, hwm, sizeAlgorithm) {
  c.stream = s;
  s.controller = c;
  resetQueue(c);
  const { AbortController } = require('internal/event_target');
  c.abortController = new AbortController();
  c.started = false;
  c.strategySizeAlgorithm = sizeAlgorithm;
  c.strategyHWM = hwm;
  c.writeAlgorithm = writeAlgorithm;
  c.closeAlgorithm = closeAlgorithm;
  c.abortAlgorithm = abortAlgorithm;
  updateBackpressure(s, controllerGetBackpressure(c));
  const startResult = startAlgorithm();
  then(promiseResolvedWith(startResult), () => {
    c.started = true;
    controllerAdvanceQueueIfNeeded(c);
  }, (r) => {
    c.started = true;
    dealWithRejection(s, r);
  });
}

function setUpControllerFromSink(s, sink, hwm, sizeAlgorithm) {
  const c = newControllerRecord();
  const start = methodOf(sink, 'start', 'sink');
  const write = methodOf(sink, 'write', 'sink');
  const close = methodOf(sink, 'close', 'sink');
  const abort = methodOf(sink, 'abort', 'sink');
  setUpController(s, c,
    () => (start === undefined ? undefined : Reflect.apply(start, sink, [c.obj])),
    (chunk) => promiseCall(write, sink, chunk, c.obj),
    () => promiseCall(close, sink),
    (reason) => promiseCall(abort, sink, reason),
    hwm, sizeAlgorithm);
}

function controllerClearAlgorithms(c) {
  c.writeAlgorithm = undefined;
  c.closeAlgorithm = undefined;
  c.abortAlgorithm = undefined;
  c.strategySizeAlgorithm = undefined;
}

function controllerClose(c) {
  enqueueValueWithSize(c, closeSentinel, 0);
  controllerAdvanceQueueIfNeeded(c);
}

function controllerGetChunkSize(c, chunk) {
  if (c.strategySizeAlgorithm === undefined) return 1;
  try {
    return c.strategySizeAlgorithm(chunk);
  } catch (e) {
    controllerErrorIfNeeded(c, e);
    return 1;
  }
}

function controllerGetDesiredSize(c) {
  return c.strategyHWM - c.queueTotalSize;
}

function controllerWrite(c, chunk, chunkSize) {
  try {
    enqueueValueWithSize(c, chunk, chunkSize);
  } catch (e) {
    controllerErrorIfNeeded(c, e);
    return;
  }
  const s = c.stream;
  if (!closeQueuedOrInFlight(s) && s.state === 'writable') updateBackpressure(s, controllerGetBackpressure(c));
  controllerAdvanceQueueIfNeeded(c);
}

function controllerAdvanceQueueIfNeeded(c) {
  const s = c.stream;
  if (!c.started) return;
  if (s.inFlightWriteRequest !== undefined) return;
  if (s.state === 'erroring') {
    finishErroring(s);
    return;
  }
  if (c.queue.length === 0) return;
  const value = peekQueueValue(c);
  if (value === closeSentinel) controllerProcessClose(c);
  else controllerProcessWrite(c, value);
}

function controllerErrorIfNeeded(c, e) {
  if (c.stream.state === 'writable') controllerError(c, e);
}

function controllerProcessClose(c) {
  const s = c.stream;
  s.inFlightCloseRequest = s.closeRequest;
  s.closeRequest = undefined;
  dequeueValue(c);
  const p = c.closeAlgorithm();
  controllerClearAlgorithms(c);
  then(p, () => finishInFlightClose(s), (r) => finishInFlightCloseWithError(s, r));
}

function controllerProcessWrite(c, chunk) {
  const s = c.stream;
  s.inFlightWriteRequest = s.writeRequests.shift();
  then(c.writeAlgorithm(chunk), () => {
    finishInFlightWrite(s);
    dequeueValue(c);
    if (!closeQueuedOrInFlight(s) && s.state === 'writable') updateBackpressure(s, controllerGetBackpressure(c));
    controllerAdvanceQueueIfNeeded(c);
  }, (reason) => {
    if (s.state === 'writable') controllerClearAlgorithms(c);
    finishInFlightWriteWithError(s, reason);
  });
}

function controllerGetBackpressure(c) {
  return controllerGetDesiredSize(c) <= 0;
}

function controllerError(c, error) {
  controllerClearAlgorithms(c);
  startErroring(c.stream, error);
}

function isWritableStream(v) {
  return writableRecord(v) !== undefined;
}

module.exports = {
  WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController,
  // Internal operations for pipeTo, TransformStream, fetch and the node:stream adapters.
  writableRecord, isWritableStream, isWritableLocked, createWritableStream, writableStreamAbort,
  writableStreamClose, closeQueuedOrInFlight, acquireWriter, writerWrite, writerRelease,
  writerCloseWithErrorPropagation, writerGetDesiredSize, controllerErrorIfNeeded,
  controllerError,
};
