'use strict';
// Bridges between node:stream and the web streams, behind Readable.toWeb/fromWeb,
// Writable.toWeb/fromWeb and Duplex.toWeb/fromWeb. node:stream is required when a bridge is
// made, so loading web streams does not load it.

const { codes, AbortError } = require('internal/errors');
const { validateObject, validateOneOf } = require('internal/validators');
const { isReadableStream } = require('internal/webstreams/readablestream');
const { isWritableStream } = require('internal/webstreams/writablestream');

const { ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE } = codes;

const lazyStream = () => require('stream');
const lazyUtils = () => require('internal/streams/utils');
const lazyWeb = () => require('stream/web');
const lazyBuffer = () => require('buffer').Buffer;

const zlibFailures = new Set(['Z_NEED_DICT', 'Z_ERRNO', 'Z_STREAM_ERROR', 'Z_DATA_ERROR', 'Z_MEM_ERROR', 'Z_BUF_ERROR',
  'Z_VERSION_ERROR']);

// A premature close of the Node stream reaches the web side as an AbortError; a zlib failure as
// a TypeError carrying its code (the Compression Streams standard's error type).
function webErrorFrom(error) {
  if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') return new AbortError(undefined, { cause: error });
  if (zlibFailures.has(error?.code)) {
    const err = new TypeError(undefined, { cause: error });
    err.code = error.code;
    return err;
  }
  return error;
}

function destroyStream(stream, error) {
  require('internal/streams/destroy').destroyer(stream, error);
}

// Calls a node:stream callback; an exception it throws destroys the stream on the next tick.
function callSafely(stream, callback, error) {
  try {
    callback(error);
  } catch (err) {
    process.nextTick(() => destroyStream(stream, err));
  }
}

function closedReadableStream() {
  const { ReadableStream } = lazyWeb();
  const readable = new ReadableStream();
  readable.cancel();
  return readable;
}

function closedWritableStream() {
  const { WritableStream } = lazyWeb();
  const writable = new WritableStream();
  writable.close();
  return writable;
}

function byteLengthSize(chunk) {
  return chunk.byteLength;
}

// A Writable takes strings too: they count by length. What it cannot take counts as one, and
// the Writable rejects it.
function writableChunkSize(chunk) {
  if (typeof chunk === 'string') return chunk.length;
  const size = chunk?.byteLength ?? chunk?.length;
  return typeof size === 'number' ? size : 1;
}

// ---- Readable -> ReadableStream --------------------------------------------------------------

function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  const utils = lazyUtils();
  if (!utils.isReadableNodeStream(streamReadable)) {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  validateObject(options, 'options');
  const type = options.type;
  if (type !== undefined) validateOneOf(type, 'options.type', ['bytes', undefined]);
  if (utils.isDestroyed(streamReadable) || !utils.isReadable(streamReadable)) return closedReadableStream();

  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;
  const bytes = type === 'bytes';
  let strategy = options.strategy;
  if (strategy !== undefined) validateObject(strategy, 'strategy');
  else if (bytes) strategy = { highWaterMark };
  else if (objectMode) strategy = new (lazyWeb().CountQueuingStrategy)({ highWaterMark });
  else strategy = { highWaterMark, size: byteLengthSize };

  let controller;
  const onData = (chunk) => {
    // A copy: a Buffer may share its memory with others (the pool), and a byte stream takes
    // ownership of what it is given.
    if (lazyBuffer().isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk);
    else if (bytes && typeof chunk === 'string') chunk = new Uint8Array(lazyBuffer().from(chunk));
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  };

  streamReadable.pause();
  const cleanup = lazyStream().finished(streamReadable, (error) => {
    error = webErrorFrom(error);
    cleanup();
    // The stream may still emit errors; they are the web stream's now.
    streamReadable.on('error', () => {});
    if (error) {
      controller.error(error);
      return;
    }
    // A cancel may have come first.
    try {
      controller.close();
    } catch {
      // Already closed or errored.
    }
    if (bytes) {
      const request = controller.byobRequest;
      if (request !== null) {
        try {
          request.respond(0);
        } catch {
          // The stream was not closed after all.
        }
      }
    }
  });
  streamReadable.on('data', onData);

  const { ReadableStream } = lazyWeb();
  return new ReadableStream({
    type: bytes ? 'bytes' : undefined,
    start(c) { controller = c; },
    pull() { streamReadable.resume(); },
    cancel(reason) { destroyStream(streamReadable, reason); },
  }, strategy);
}

// ---- ReadableStream -> Readable --------------------------------------------------------------

function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  if (encoding !== undefined && !lazyBuffer().isEncoding(encoding)) {
    throw new codes.ERR_INVALID_ARG_VALUE('options.encoding', encoding);
  }
  if (typeof objectMode !== 'boolean') throw new ERR_INVALID_ARG_TYPE('options.objectMode', 'boolean', objectMode);

  const reader = readableStream.getReader();
  let closed = false;
  const { Readable } = lazyStream();
  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      reader.read().then((result) => {
        if (result.done) readable.push(null);
        else readable.push(result.value);
      }, (error) => destroyStream(readable, error));
    },
    destroy(error, callback) {
      const done = () => {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
      };
      if (!closed) {
        reader.cancel(error).then(done, done);
        return;
      }
      done();
    },
  });
  reader.closed.then(() => {
    closed = true;
  }, (error) => {
    closed = true;
    destroyStream(readable, error);
  });
  return readable;
}

// ---- Writable -> WritableStream --------------------------------------------------------------

// `hooks` (for CompressionStream/DecompressionStream): `prepareChunk` checks and converts each
// chunk before it is written, and `destroyOnSyncError` destroys the Node stream when a write
// throws, so that the readable side fails too.
function newWritableStreamFromStreamWritable(streamWritable, hooks = undefined) {
  const utils = lazyUtils();
  if (!utils.isWritableNodeStream(streamWritable)) {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }
  if (utils.isDestroyed(streamWritable) || !utils.isWritable(streamWritable)) return closedWritableStream();

  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ?
    new (lazyWeb().CountQueuingStrategy)({ highWaterMark }) :
    { highWaterMark, size: writableChunkSize };

  let controller;
  // While the Node stream wants a 'drain', the pending write waits on this.
  let backpressure;
  // Settled when end() has finished.
  let closing;

  const onDrain = () => {
    if (backpressure !== undefined) backpressure.resolve();
  };

  const cleanup = lazyStream().finished(streamWritable, (error) => {
    error = webErrorFrom(error);
    cleanup();
    streamWritable.on('error', () => {});
    if (error != null) {
      if (backpressure !== undefined) backpressure.reject(error);
      if (closing !== undefined) {
        closing.reject(error);
        closing = undefined;
      }
      if (controller !== undefined) controller.error(error);
      controller = undefined;
      return;
    }
    if (closing !== undefined) {
      closing.resolve();
      closing = undefined;
      return;
    }
    if (controller !== undefined) controller.error(new AbortError());
    controller = undefined;
  });
  streamWritable.on('drain', onDrain);

  const { WritableStream } = lazyWeb();
  return new WritableStream({
    start(c) { controller = c; },
    write(chunk) {
      let accepted;
      try {
        if (hooks?.prepareChunk !== undefined) chunk = hooks.prepareChunk(chunk);
        accepted = !streamWritable.writableNeedDrain && streamWritable.write(chunk);
      } catch (err) {
        if (hooks?.destroyOnSyncError) destroyStream(streamWritable, err);
        throw err;
      }
      if (!accepted) {
        let resolve, reject;
        const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
        backpressure = { resolve, reject };
        const clear = () => { backpressure = undefined; };
        return promise.then(clear, (err) => {
          clear();
          throw err;
        });
      }
      return undefined;
    },
    abort(reason) {
      destroyStream(streamWritable, reason);
    },
    close() {
      if (closing === undefined && !utils.isWritableEnded(streamWritable)) {
        let resolve, reject;
        const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
        closing = { resolve, reject };
        streamWritable.end();
        return promise;
      }
      controller = undefined;
      return undefined;
    },
  }, strategy);
}

// ---- WritableStream -> Writable --------------------------------------------------------------

function validateWritableOptions(options) {
  validateObject(options, 'options');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  if (typeof objectMode !== 'boolean') throw new ERR_INVALID_ARG_TYPE('options.objectMode', 'boolean', objectMode);
  if (typeof decodeStrings !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('options.decodeStrings', 'boolean', decodeStrings);
  }
  return { highWaterMark, decodeStrings, objectMode, signal };
}

// write/writev/final for a Node stream that writes into `writer`, destroying `stream` on failure.
function writerMethods(getStream, writer, isClosed, decodeStrings, objectMode) {
  return {
    writev(chunks, callback) {
      const done = (error) => callSafely(getStream(), callback, error);
      writer.ready.then(() => Promise.all(chunks.map((data) => writer.write(data.chunk))))
        .then(() => done(), done);
    },
    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        const buf = lazyBuffer().from(chunk, encoding);
        chunk = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      }
      const done = (error) => callSafely(getStream(), callback, error);
      writer.ready.then(() => writer.write(chunk).then(() => done(), done), done);
    },
    final(callback) {
      const done = (error) => callSafely(getStream(), callback, error);
      if (!isClosed()) writer.close().then(() => done(), done);
    },
  };
}

function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  const { highWaterMark, decodeStrings, objectMode, signal } = validateWritableOptions(options);
  const writer = writableStream.getWriter();
  let closed = false;
  const { Writable } = lazyStream();
  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    ...writerMethods(() => writable, writer, () => closed, decodeStrings, objectMode),
    destroy(error, callback) {
      const done = () => {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
      };
      if (!closed) {
        if (error != null) writer.abort(error).then(done, done);
        else writer.close().then(done, done);
        return;
      }
      done();
    },
  });
  writer.closed.then(() => {
    closed = true;
    if (!lazyUtils().isWritableEnded(writable)) destroyStream(writable, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    closed = true;
    destroyStream(writable, error);
  });
  return writable;
}

// ---- Duplex <-> { readable, writable } -------------------------------------------------------

function newReadableWritablePairFromDuplex(duplex, options = {}, hooks = undefined) {
  const utils = lazyUtils();
  if (!utils.isDuplexNodeStream(duplex)) throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  validateObject(options, 'options');
  // `type` is the older name of `readableType`.
  const type = options.readableType ?? options.type;
  if (type !== undefined) validateOneOf(type, 'options.type', ['bytes', undefined]);
  if (utils.isDestroyed(duplex)) return { writable: closedWritableStream(), readable: closedReadableStream() };
  const writable = utils.isWritable(duplex) ?
    newWritableStreamFromStreamWritable(duplex, hooks) : closedWritableStream();
  const readable = utils.isReadable(duplex) ?
    newReadableStreamFromStreamReadable(duplex, { type }) : closedReadableStream();
  return { writable, readable };
}

function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  validateObject(pair, 'pair');
  const { readable: readableStream, writable: writableStream } = pair;
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const { allowHalfOpen = false, encoding } = options;
  const { highWaterMark, decodeStrings, objectMode, signal } = validateWritableOptions(options);
  if (typeof allowHalfOpen !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('options.allowHalfOpen', 'boolean', allowHalfOpen);
  }
  if (encoding !== undefined && !lazyBuffer().isEncoding(encoding)) {
    throw new codes.ERR_INVALID_ARG_VALUE('options.encoding', encoding);
  }

  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;
  const { Duplex } = lazyStream();
  const duplex = new Duplex({
    allowHalfOpen,
    highWaterMark,
    objectMode,
    encoding,
    decodeStrings,
    signal,
    ...writerMethods(() => duplex, writer, () => writableClosed, decodeStrings, objectMode),
    read() {
      reader.read().then((result) => {
        if (result.done) duplex.push(null);
        else duplex.push(result.value);
      }, (error) => destroyStream(duplex, error));
    },
    destroy(error, callback) {
      const done = () => {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
      };
      const closeWriter = () => (writableClosed ? undefined : writer.abort(error));
      const closeReader = () => (readableClosed ? undefined : reader.cancel(error));
      if (!writableClosed || !readableClosed) {
        Promise.all([closeWriter(), closeReader()]).then(done, done);
        return;
      }
      done();
    },
  });
  writer.closed.then(() => {
    writableClosed = true;
    if (!lazyUtils().isWritableEnded(duplex)) destroyStream(duplex, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroyStream(duplex, error);
  });
  reader.closed.then(() => {
    readableClosed = true;
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroyStream(duplex, error);
  });
  return duplex;
}

module.exports = {
  newReadableStreamFromStreamReadable,
  newStreamReadableFromReadableStream,
  newWritableStreamFromStreamWritable,
  newStreamWritableFromWritableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
