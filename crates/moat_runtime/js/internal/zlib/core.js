'use strict';
// The part of a zlib stream that does the work: option checks, the codec handle (the Rust half,
// internalBinding('zlib')), and the loop that feeds it input and collects its output a chunk
// at a time. It works on any object that holds the fields `init` sets, so the synchronous
// convenience functions can run it without building a stream; the stream classes in
// node:zlib use the same fields.

const { codes } = require('internal/errors');
const { Buffer, kMaxLength } = require('buffer');
const constants = require('internal/zlib/constants');

const binding = internalBinding('zlib');

const {
  Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  Z_MIN_CHUNK, Z_DEFAULT_CHUNK, Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS,
  Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION, Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL,
  Z_DEFAULT_MEMLEVEL, Z_DEFAULT_STRATEGY, Z_FIXED,
  INFLATE, GZIP, GUNZIP, UNZIP, BROTLI_DECODE, BROTLI_ENCODE, ZSTD_COMPRESS,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH,
  BROTLI_OPERATION_EMIT_METADATA,
  ZSTD_e_continue, ZSTD_e_flush, ZSTD_e_end,
} = constants;

let utilTypes;
function types() { return utilTypes || (utilTypes = require('util').types); }

function isAnyArrayBuffer(v) { return types().isAnyArrayBuffer(v); }

// A number option: false when it is absent or NaN (the default applies), true when finite.
function checkFiniteNumber(number, name) {
  if (number === undefined) return false;
  if (Number.isFinite(number)) return true;
  if (Number.isNaN(number)) return false;
  if (typeof number !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', number);
  throw new codes.ERR_OUT_OF_RANGE(name, 'a finite number', number);
}

function checkRangesOrGetDefault(number, name, lower, upper, def) {
  if (!checkFiniteNumber(number, name)) return def;
  if (number < lower || number > upper) {
    throw new codes.ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
  }
  return number;
}

// The bytes of a Buffer, TypedArray or DataView as a Uint8Array over the same memory.
function bytesView(v) {
  if (v instanceof Uint8Array) return v;
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

// The flush flags in order of strength: the stronger of two wins at the end of a stream.
const zlibFlushRank = [Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH];
function strongerFlush(mode, a, b) {
  if (mode >= BROTLI_DECODE) return a > b ? a : b;
  return zlibFlushRank.indexOf(a) > zlibFlushRank.indexOf(b) ? a : b;
}

const brotliParamMax = 8;
const zstdCompressParamMax = 402;
const zstdDecompressParamMax = 100;

function initFailed(message) {
  return new codes.ERR_ZLIB_INITIALIZATION_FAILED(message);
}

// Checks the options for `mode` and sets on `self` the fields a stream of that mode works with.
function init(self, mode, opts) {
  let chunkSize = Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  const zlibMode = mode <= UNZIP;
  const brotli = mode === BROTLI_DECODE || mode === BROTLI_ENCODE;
  let flushLow = Z_NO_FLUSH; let flushHigh = Z_BLOCK;
  let flushDefault = Z_NO_FLUSH; let finishDefault = Z_FINISH; let fullFlush = Z_FULL_FLUSH;
  if (brotli) {
    flushLow = BROTLI_OPERATION_PROCESS; flushHigh = BROTLI_OPERATION_EMIT_METADATA;
    flushDefault = BROTLI_OPERATION_PROCESS; finishDefault = BROTLI_OPERATION_FINISH;
    fullFlush = BROTLI_OPERATION_FLUSH;
  } else if (!zlibMode) {
    flushLow = ZSTD_e_continue; flushHigh = ZSTD_e_end;
    flushDefault = ZSTD_e_continue; finishDefault = ZSTD_e_end; fullFlush = ZSTD_e_flush;
  }
  let flush = flushDefault;
  let finishFlush = finishDefault;
  if (opts) {
    chunkSize = opts.chunkSize;
    if (!checkFiniteNumber(chunkSize, 'options.chunkSize')) {
      chunkSize = Z_DEFAULT_CHUNK;
    } else if (chunkSize < Z_MIN_CHUNK) {
      throw new codes.ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
    }
    flush = checkRangesOrGetDefault(opts.flush, 'options.flush', flushLow, flushHigh, flushDefault);
    finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', flushLow, flushHigh,
      finishDefault);
    maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength', 1,
      kMaxLength, kMaxLength);
  }

  let level = Z_DEFAULT_COMPRESSION;
  let strategy = Z_DEFAULT_STRATEGY;
  let windowBits = Z_DEFAULT_WINDOWBITS;
  let dictionary;
  let params;
  let pledged;
  if (zlibMode) {
    if (opts && opts.windowBits === 0 && (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
      windowBits = 0;
    } else {
      // A gzip header cannot describe zlib's smallest window, so gzip starts one higher.
      windowBits = checkRangesOrGetDefault(opts && opts.windowBits, 'options.windowBits',
        mode === GZIP ? Z_MIN_WINDOWBITS + 1 : Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
    }
    level = checkRangesOrGetDefault(opts && opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL,
      Z_DEFAULT_COMPRESSION);
    checkRangesOrGetDefault(opts && opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL,
      Z_DEFAULT_MEMLEVEL);
    strategy = checkRangesOrGetDefault(opts && opts.strategy, 'options.strategy', Z_DEFAULT_STRATEGY,
      Z_FIXED, Z_DEFAULT_STRATEGY);
  }
  if (opts && opts.dictionary !== undefined) {
    dictionary = opts.dictionary;
    if (isAnyArrayBuffer(dictionary)) {
      dictionary = new Uint8Array(dictionary);
    } else if (ArrayBuffer.isView(dictionary)) {
      dictionary = bytesView(dictionary);
    } else if (zlibMode || brotli) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.dictionary',
        ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
    } else {
      dictionary = undefined;
    }
  }
  if (!zlibMode && opts && opts.params) {
    // Keys are checked for range and repeats here; the codec refuses the ones it does not know.
    params = [];
    const seen = new Set();
    const max = brotli ? brotliParamMax : (mode === ZSTD_COMPRESS ? zstdCompressParamMax : zstdDecompressParamMax);
    for (const origKey of Object.keys(opts.params)) {
      const key = +origKey;
      if (Number.isNaN(key) || key < 0 || key > max || seen.has(key)) {
        if (brotli) throw new codes.ERR_BROTLI_INVALID_PARAM(origKey);
        throw new codes.ERR_ZSTD_INVALID_PARAM(origKey);
      }
      seen.add(key);
      const value = opts.params[origKey];
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new codes.ERR_INVALID_ARG_TYPE('options.params[key]', 'number', opts.params[origKey]);
      }
      params.push(key, (+value) >>> 0);
    }
  }
  if (mode === ZSTD_COMPRESS && opts && opts.pledgedSrcSize !== undefined) {
    pledged = opts.pledgedSrcSize;
    if (typeof pledged !== 'number') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.pledgedSrcSize', 'number', pledged);
    }
    if (pledged < 0) {
      const err = new TypeError('pledgedSrcSize may not be negative');
      err.code = 'ERR_INVALID_ARG_VALUE';
      throw err;
    }
  }

  const handle = binding.create(mode, level, windowBits, dictionary, params, pledged);
  if (typeof handle === 'string') throw initFailed(handle);

  self.bytesWritten = 0;
  self._handle = handle;
  self._outBuffer = Buffer.allocUnsafe(chunkSize);
  self._outOffset = 0;
  self._chunkSize = chunkSize;
  self._defaultFlushFlag = flush;
  self._finishFlushFlag = finishFlush;
  self._defaultFullFlushFlag = fullFlush;
  self._info = opts && opts.info;
  self._maxOutputLength = maxOutputLength;
  self._level = level;
  self._strategy = strategy;
  self._mode = mode;
  self._state = new Uint32Array(6);
}

// The error the handle's last failure describes, shaped as Node's zlib errors are.
function handleError(self) {
  const e = binding.error(self._handle);
  const err = new Error(e.message);
  err.errno = e.errno;
  err.code = e.code;
  return err;
}

function closeHandle(self) {
  if (self._handle) {
    binding.close(self._handle);
    self._handle = null;
  }
}

// Runs one step of the codec over `chunk[inOff..inOff+inLen]` into the output buffer. Returns
// false on a codec error; otherwise leaves in `self._state` how much room and input are left.
function step(self, flushFlag, chunk, inOff, inLen) {
  const st = self._state;
  st[0] = inOff; st[1] = inLen; st[2] = self._outOffset; st[3] = self._chunkSize - self._outOffset;
  return binding.write(self._handle, flushFlag, chunk, self._outBuffer, st);
}

// Takes the output of the last step: returns the new bytes (or null) and moves to a fresh
// output buffer when this one is full.
function takeOutput(self) {
  const st = self._state;
  const availOutBefore = st[3];
  const have = availOutBefore - st[4];
  let out = null;
  if (have > 0) {
    out = self._outBuffer.slice(self._outOffset, self._outOffset + have);
    self._outOffset += have;
  }
  if (st[4] === 0 || self._outOffset >= self._chunkSize) {
    self._outBuffer = Buffer.allocUnsafe(self._chunkSize);
    self._outOffset = 0;
  }
  return out;
}

// Compresses or decompresses all of `chunk` now and closes the handle; returns the output as one
// Buffer.
function processSync(self, chunk, flushFlag) {
  if (!self._handle) throw new Error('zlib binding closed');
  chunk = bytesView(chunk);
  const st = self._state;
  const out = binding.runSync(self._handle, flushFlag, chunk, self._chunkSize, self._maxOutputLength, st);
  self.bytesWritten += st[4] + st[5] * 4294967296;
  if (out === false) {
    const err = handleError(self);
    closeHandle(self);
    throw err;
  }
  // A synchronous run is the stream's whole life.
  closeHandle(self);
  if (out === null) throw new codes.ERR_BUFFER_TOO_LARGE(self._maxOutputLength);
  return Buffer.from(out);
}

// The input of a convenience function as bytes, or Node's error for anything else.
function inputBytes(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (ArrayBuffer.isView(buffer)) return bytesView(buffer);
  if (isAnyArrayBuffer(buffer)) return Buffer.from(buffer);
  throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'],
    buffer);
}

module.exports = {
  binding, init, handleError, closeHandle, step, takeOutput, processSync, inputBytes, bytesView,
  checkFiniteNumber, checkRangesOrGetDefault, strongerFlush,
};
