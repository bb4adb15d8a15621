'use strict';
// node:stream/web: the WHATWG streams.

const readable = require('internal/webstreams/readablestream');
const writable = require('internal/webstreams/writablestream');
const transform = require('internal/webstreams/transformstream');
const strategies = require('internal/webstreams/queuingstrategies');
const encoding = require('internal/webstreams/encoding');
const compression = require('internal/webstreams/compression');

// Node also exports the tee operation itself, as a function of a stream.
function ReadableStreamTee(stream, cloneForBranch2 = false) {
  const s = readable.streamRecord(stream);
  if (s === undefined) throw new (require('internal/errors').codes.ERR_INVALID_ARG_TYPE)('stream', 'ReadableStream', stream);
  return readable.readableStreamTee(s, !!cloneForBranch2).map((b) => b.obj);
}

module.exports = {
  ReadableStream: readable.ReadableStream,
  ReadableStreamTee,
  ReadableStreamDefaultReader: readable.ReadableStreamDefaultReader,
  ReadableStreamBYOBReader: readable.ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest: readable.ReadableStreamBYOBRequest,
  ReadableByteStreamController: readable.ReadableByteStreamController,
  ReadableStreamDefaultController: readable.ReadableStreamDefaultController,
  TransformStream: transform.TransformStream,
  TransformStreamDefaultController: transform.TransformStreamDefaultController,
  WritableStream: writable.WritableStream,
  WritableStreamDefaultWriter: writable.WritableStreamDefaultWriter,
  WritableStreamDefaultController: writable.WritableStreamDefaultController,
  ByteLengthQueuingStrategy: strategies.ByteLengthQueuingStrategy,
  CountQueuingStrategy: strategies.CountQueuingStrategy,
  TextEncoderStream: encoding.TextEncoderStream,
  TextDecoderStream: encoding.TextDecoderStream,
  CompressionStream: compression.CompressionStream,
  DecompressionStream: compression.DecompressionStream,
};
