'use strict';
// TransformStream and its controller, as the WHATWG Streams standard defines them: a writable
// side whose chunks pass through `transform` into a readable side, with backpressure between
// the two.

const { codes } = require('internal/errors');
const {
  kCreate, inspectCustom, then, deferred, settleResolve, settleReject, promiseCall, methodOf, extractHighWaterMark,
  extractSizeAlgorithm, shapeClass, customInspect, invalidThis,
} = require('internal/webstreams/util');
const rs = require('internal/webstreams/readablestream');
const ws = require('internal/webstreams/writablestream');

const { ERR_INVALID_STATE, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = codes;

let transformRecord, controllerRecord;

function validateOptional(value, name) {
  if (value !== undefined && value !== null && typeof value !== 'object' && typeof value !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(name, 'object', value);
  }
  return value ?? undefined;
}

class TransformStream {
  #t;

  static {
    transformRecord = (o) => (o !== null && typeof o === 'object' && #t in o ? o.#t : undefined);
  }

  constructor(transformer = undefined, writableStrategy = undefined, readableStrategy = undefined) {
    const t = {
      obj: this, readable: undefined, writable: undefined, backpressure: undefined,
      backpressureChangePromise: undefined, controller: undefined,
    };
    this.#t = t;
    if (transformer === kCreate) return;
    if (transformer === null) throw new ERR_INVALID_ARG_TYPE('transformer', 'object', transformer);
    transformer = validateOptional(transformer, 'transformer');
    writableStrategy = validateOptional(writableStrategy, 'writableStrategy') ?? {};
    readableStrategy = validateOptional(readableStrategy, 'readableStrategy') ?? {};
    if (transformer?.readableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType', transformer.readableType);
    }
    if (transformer?.writableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType', transformer.writableType);
    }
    const readableHWM = extractHighWaterMark(readableStrategy, 0);
    const readableSize = extractSizeAlgorithm(readableStrategy);
    const writableHWM = extractHighWaterMark(writableStrategy, 1);
    const writableSize = extractSizeAlgorithm(writableStrategy);
    const start = methodOf(transformer, 'start', 'transformer');
    const transform = methodOf(transformer, 'transform', 'transformer');
    const flush = methodOf(transformer, 'flush', 'transformer');
    const cancel = methodOf(transformer, 'cancel', 'transformer');
    const startPromise = deferred();
    initializeTransformStream(t, startPromise, writableHWM, writableSize, readableHWM, readableSize);
    const c = newControllerRecord();
    setUpController(t, c,
      transform === undefined ? (chunk) => defaultTransform(c, chunk) : (chunk) => promiseCall(transform, transformer, chunk, c.obj),
      () => promiseCall(flush, transformer, c.obj),
      (reason) => promiseCall(cancel, transformer, reason));
    if (start !== undefined) settleResolve(startPromise, Reflect.apply(start, transformer, [c.obj]));
    else settleResolve(startPromise, undefined);
  }

  get readable() {
    return recordOf(this).readable.obj;
  }

  get writable() {
    return recordOf(this).writable.obj;
  }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#t in this)) throw invalidThis('TransformStream');
    const t = this.#t;
    return customInspect('TransformStream', {
      readable: t.readable?.obj, writable: t.writable?.obj, backpressure: t.backpressure,
    }, depth, options, inspect);
  }
}
shapeClass(TransformStream, ['readable', 'writable']);

function recordOf(o) {
  const t = transformRecord(o);
  if (t === undefined) throw invalidThis('TransformStream');
  return t;
}

function defaultTransform(c, chunk) {
  try {
    controllerEnqueue(c, chunk);
    return Promise.resolve();
  } catch (e) {
    return Promise.reject(e);
  }
}

function initializeTransformStream(t, startPromise, writableHWM, writableSize, readableHWM, readableSize) {
  const startAlgorithm = () => startPromise.promise;
  t.writable = ws.createWritableStream(startAlgorithm,
    (chunk) => sinkWriteAlgorithm(t, chunk),
    () => sinkCloseAlgorithm(t),
    (reason) => sinkAbortAlgorithm(t, reason),
    writableHWM, writableSize);
  t.readable = rs.createReadableStream(startAlgorithm,
    () => sourcePullAlgorithm(t),
    (reason) => sourceCancelAlgorithm(t, reason),
    readableHWM, readableSize);
  t.backpressure = undefined;
  t.backpressureChangePromise = undefined;
  setBackpressure(t, true);
  t.controller = undefined;
}

function transformStreamError(t, e) {
  rs.defaultControllerError(t.readable.controller, e);
  errorWritableAndUnblockWrite(t, e);
}

function errorWritableAndUnblockWrite(t, e) {
  controllerClearAlgorithms(t.controller);
  ws.controllerErrorIfNeeded(t.writable.controller, e);
  unblockWrite(t);
}

function unblockWrite(t) {
  if (t.backpressure) setBackpressure(t, false);
}

function setBackpressure(t, backpressure) {
  if (t.backpressureChangePromise !== undefined) settleResolve(t.backpressureChangePromise);
  t.backpressureChangePromise = deferred();
  t.backpressure = backpressure;
}

// ---- TransformStreamDefaultController --------------------------------------------------------

function newControllerRecord() {
  const c = {
    obj: undefined, stream: undefined, transformAlgorithm: undefined, flushAlgorithm: undefined,
    cancelAlgorithm: undefined, finishPromise: undefined,
  };
  c.obj = new TransformStreamDefaultController(kCreate, c);
  return c;
}

class TransformStreamDefaultController {
  #c;

  static {
    controllerRecord = (o) => (o !== null && typeof o === 'object' && #c in o ? o.#c : undefined);
  }

  constructor(key = undefined, record = undefined) {
    if (key !== kCreate) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    this.#c = record;
  }

  get desiredSize() {
    const c = controllerOf(this);
    return rs.defaultControllerGetDesiredSize(c.stream.readable.controller);
  }

  enqueue(chunk = undefined) {
    controllerEnqueue(controllerOf(this), chunk);
  }

  error(reason = undefined) {
    transformStreamError(controllerOf(this).stream, reason);
  }

  terminate() {
    controllerTerminate(controllerOf(this));
  }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#c in this)) throw invalidThis('TransformStreamDefaultController');
    // Node shows the stream's sides as undefined here.
    const t = this.#c.stream;
    const shown = {
      [inspectCustom]: (d, o, i) => customInspect('TransformStream', {
        readable: undefined, writable: undefined, backpressure: t.backpressure,
      }, d, o, i),
    };
    return customInspect('TransformStreamDefaultController', { stream: shown }, depth, options, inspect);
  }
}
shapeClass(TransformStreamDefaultController, ['desiredSize', 'enqueue', 'error', 'terminate']);

function controllerOf(o) {
  const c = controllerRecord(o);
  if (c === undefined) throw invalidThis('TransformStreamDefaultController');
  return c;
}

function setUpController(t, c, transformAlgorithm, flushAlgorithm, cancelAlgorithm) {
  c.stream = t;
  t.controller = c;
  c.transformAlgorithm = transformAlgorithm;
  c.flushAlgorithm = flushAlgorithm;
  c.cancelAlgorithm = cancelAlgorithm;
}

function controllerClearAlgorithms(c) {
  c.transformAlgorithm = undefined;
  c.flushAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
}

function controllerEnqueue(c, chunk) {
  const t = c.stream;
  const rc = t.readable.controller;
  if (!rs.defaultControllerCanCloseOrEnqueue(rc)) {
    throw new ERR_INVALID_STATE.TypeError('Unable to enqueue');
  }
  try {
    rs.defaultControllerEnqueue(rc, chunk);
  } catch (e) {
    errorWritableAndUnblockWrite(t, e);
    throw t.readable.storedError;
  }
  const backpressure = rs.defaultControllerHasBackpressure(rc);
  if (backpressure !== t.backpressure) setBackpressure(t, true);
}

function controllerTerminate(c) {
  const t = c.stream;
  rs.defaultControllerClose(t.readable.controller);
  errorWritableAndUnblockWrite(t, new ERR_INVALID_STATE.TypeError('TransformStream has been terminated'));
}

function performTransform(c, chunk) {
  // A write that races a cancel of the readable side finds the algorithms cleared: it succeeds
  // and does nothing, as in Node.
  if (c.transformAlgorithm === undefined) return Promise.resolve();
  return then(c.transformAlgorithm(chunk), undefined, (r) => {
    transformStreamError(c.stream, r);
    throw r;
  });
}

function sinkWriteAlgorithm(t, chunk) {
  const c = t.controller;
  if (t.backpressure) {
    return then(t.backpressureChangePromise.promise, () => {
      const w = t.writable;
      if (w.state === 'erroring') throw w.storedError;
      return performTransform(c, chunk);
    });
  }
  return performTransform(c, chunk);
}

function sinkAbortAlgorithm(t, reason) {
  const c = t.controller;
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const readable = t.readable;
  const finish = deferred();
  c.finishPromise = finish;
  const cancelPromise = c.cancelAlgorithm(reason);
  controllerClearAlgorithms(c);
  then(cancelPromise, () => {
    if (readable.state === 'errored') settleReject(finish, readable.storedError);
    else {
      rs.defaultControllerError(readable.controller, reason);
      settleResolve(finish);
    }
  }, (r) => {
    rs.defaultControllerError(readable.controller, r);
    settleReject(finish, r);
  });
  return finish.promise;
}

function sinkCloseAlgorithm(t) {
  const c = t.controller;
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const readable = t.readable;
  const finish = deferred();
  c.finishPromise = finish;
  const flushPromise = c.flushAlgorithm();
  controllerClearAlgorithms(c);
  then(flushPromise, () => {
    if (readable.state === 'errored') settleReject(finish, readable.storedError);
    else {
      rs.defaultControllerClose(readable.controller);
      settleResolve(finish);
    }
  }, (r) => {
    rs.defaultControllerError(readable.controller, r);
    settleReject(finish, r);
  });
  return finish.promise;
}

function sourcePullAlgorithm(t) {
  setBackpressure(t, false);
  return t.backpressureChangePromise.promise;
}

function sourceCancelAlgorithm(t, reason) {
  const c = t.controller;
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const writable = t.writable;
  const finish = deferred();
  c.finishPromise = finish;
  const cancelPromise = c.cancelAlgorithm(reason);
  controllerClearAlgorithms(c);
  then(cancelPromise, () => {
    if (writable.state === 'errored') settleReject(finish, writable.storedError);
    else {
      ws.controllerErrorIfNeeded(writable.controller, reason);
      unblockWrite(t);
      settleResolve(finish);
    }
  }, (r) => {
    ws.controllerErrorIfNeeded(writable.controller, r);
    unblockWrite(t);
    settleReject(finish, r);
  });
  return finish.promise;
}

// A TransformStream made by the runtime (the encoding and compression streams): `transform`
// and `flush` receive the controller record's public object.
function createTransformStream(transform, flush, cancel = () => Promise.resolve(), writableHWM = 1,
  readableHWM = 0) {
  const stream = new TransformStream(kCreate);
  const t = transformRecord(stream);
  const startPromise = deferred();
  initializeTransformStream(t, startPromise, writableHWM, () => 1, readableHWM, () => 1);
  const c = newControllerRecord();
  setUpController(t, c, (chunk) => promiseCall(transform, undefined, chunk, c.obj),
    () => promiseCall(flush, undefined, c.obj), cancel);
  settleResolve(startPromise, undefined);
  return stream;
}

module.exports = { TransformStream, TransformStreamDefaultController, transformRecord, createTransformStream };
