'use strict';
// CompressionStream and DecompressionStream: node:zlib's streams seen as a readable/writable
// pair of web streams. Formats: deflate, deflate-raw, gzip and brotli.

const { codes, fixStack } = require('internal/errors');
const { inspectCustom, shapeClass, customInspect, invalidThis } = require('internal/webstreams/util');

const compressors = {
  'deflate': 'createDeflate', 'deflate-raw': 'createDeflateRaw', 'gzip': 'createGzip', 'brotli': 'createBrotliCompress',
};
const decompressors = {
  'deflate': 'createInflate', 'deflate-raw': 'createInflateRaw', 'gzip': 'createGunzip',
  'brotli': 'createBrotliDecompress',
};

function badFormat(className, format) {
  const err = new TypeError(`Failed to construct '${className}': 1st argument '${format}' is not a valid enum ` +
    'value of type CompressionFormat.');
  Object.defineProperty(err, 'code', { value: 'ERR_INVALID_ARG_VALUE', enumerable: true, writable: true, configurable: true });
  return fixStack(err);
}

// Chunks are BufferSources (not shared memory); zlib gets them as Uint8Arrays. Strings pass, as
// Node lets them.
function prepareChunk(chunk) {
  if (chunk === null || typeof chunk === 'string') return chunk;
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk) && !(typeof SharedArrayBuffer !== 'undefined' && chunk.buffer instanceof SharedArrayBuffer)) {
    return chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], chunk);
}

function makePair(table, className, format) {
  const key = `${format}`;
  if (!Object.prototype.hasOwnProperty.call(table, key)) throw badFormat(className, key);
  const handle = require('zlib')[table[key]]();
  let prepare = prepareChunk;
  if (table === decompressors) {
    // Bytes after the end of the compressed data are an error: zlib stops reading there, so
    // it has taken fewer bytes than it was given.
    let given = 0;
    prepare = (chunk) => {
      chunk = prepareChunk(chunk);
      if (chunk !== null) given += typeof chunk === 'string' ? require('buffer').Buffer.byteLength(chunk) : chunk.byteLength;
      return chunk;
    };
    // The end of the output can come before the last input ('end' before 'finish').
    const check = () => {
      if (handle.bytesWritten < given && !handle.destroyed) handle.destroy(new codes.ERR_TRAILING_JUNK_AFTER_STREAM_END());
    };
    handle.once('end', check);
    handle.once('finish', check);
  }
  return require('internal/webstreams/adapters').newReadableWritablePairFromDuplex(handle, {},
    { prepareChunk: prepare, destroyOnSyncError: true });
}

// Node's getters read a private field, and fail on another object as V8 words it.
function privateMemberError() {
  return new TypeError('Cannot read private member #pair from an object whose class did not declare it');
}

let compressionPair;
class CompressionStream {
  #pair;

  static {
    compressionPair = (o, error = privateMemberError) => {
      if (o === null || typeof o !== 'object' || !(#pair in o)) throw error();
      return o.#pair;
    };
  }

  constructor(format) {
    this.#pair = makePair(compressors, 'CompressionStream', format);
  }

  get readable() { return compressionPair(this).readable; }
  get writable() { return compressionPair(this).writable; }

  [inspectCustom](depth, options, inspect) {
    const pair = compressionPair(this, () => invalidThis('CompressionStream'));
    return customInspect('CompressionStream', { readable: pair.readable, writable: pair.writable }, depth, options,
      inspect);
  }
}
shapeClass(CompressionStream, ['readable', 'writable']);

let decompressionPair;
class DecompressionStream {
  #pair;

  static {
    decompressionPair = (o, error = privateMemberError) => {
      if (o === null || typeof o !== 'object' || !(#pair in o)) throw error();
      return o.#pair;
    };
  }

  constructor(format) {
    this.#pair = makePair(decompressors, 'DecompressionStream', format);
  }

  get readable() { return decompressionPair(this).readable; }
  get writable() { return decompressionPair(this).writable; }

  [inspectCustom](depth, options, inspect) {
    const pair = decompressionPair(this, () => invalidThis('DecompressionStream'));
    return customInspect('DecompressionStream', { readable: pair.readable, writable: pair.writable }, depth, options,
      inspect);
  }
}
shapeClass(DecompressionStream, ['readable', 'writable']);

module.exports = { CompressionStream, DecompressionStream };
