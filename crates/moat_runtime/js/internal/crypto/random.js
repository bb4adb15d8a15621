'use strict';
// Random bytes, integers and UUIDs from the OS's generator (the host's, in the sandbox).

const { codes } = require('internal/errors');
const { validateNumber, validateFunction, validateObject, validateBoolean } = require('internal/validators');
const { binding, isAnyArrayBuffer, bytesOf, runJob, toBuffer, lazyBuffer } = require('internal/crypto/util');

const kMaxLength = 2 ** 31 - 1; // the most bytes one call fills
const kMaxPossibleLength = 2 ** 48 - 1; // randomInt's widest range (48 random bits)

function assertSize(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return Math.floor(size);
}

function randomBytes(size, callback) {
  size = assertSize(size);
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (callback === undefined || size === 0) {
    const buf = lazyBuffer().allocUnsafe(size);
    if (size > 0) binding.fillRandom(buf);
    if (callback === undefined) return buf;
    // Nothing to wait for: Node calls back at once.
    callback(null, buf);
    return;
  }
  runJob((defer) => binding.randomBytes(defer, size), (err, bytes) => {
    if (err) callback(err);
    else callback(null, toBuffer(bytes));
  });
}

function checkBuf(buf) {
  if (!isAnyArrayBuffer(buf) && !ArrayBuffer.isView(buf)) {
    throw new codes.ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
}

// offset and size count elements of the view; checked in bytes against its length.
function fillOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const max = Math.min(kMaxLength, length);
  if (Number.isNaN(offset) || offset > max || offset < 0) {
    throw new codes.ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${max}`, offset);
  }
  return offset >>> 0;
}

function fillSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxLength || size < 0) {
    throw new codes.ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
  }
  if (size + offset > length) throw new codes.ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  return size >>> 0;
}

function fillRange(buf, offset, size) {
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  const length = buf.byteLength;
  offset = fillOffset(offset, elementSize, length);
  size = size === undefined ? length - offset : fillSize(size, elementSize, offset, length);
  const bytes = bytesOf(buf);
  return bytes.subarray(offset, offset + size);
}

function randomFillSync(buf, offset = 0, size) {
  checkBuf(buf);
  const target = fillRange(buf, offset, size);
  if (target.length > 0) binding.fillRandom(target);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  checkBuf(buf);
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = undefined;
  } else if (typeof size === 'function') {
    // The rest of the view from offset, counted in its elements (a DataView or ArrayBuffer has
    // no length, and Node's check rejects the NaN that makes).
    callback = size;
    size = buf.length - offset;
  } else {
    validateFunction(callback, 'callback');
  }
  const target = fillRange(buf, offset, size);
  if (target.length === 0) {
    // Nothing to wait for: Node calls back at once.
    callback(null, buf);
    return;
  }
  runJob((defer) => binding.randomBytes(defer, target.length), (err, bytes) => {
    if (err) {
      callback(err);
      return;
    }
    target.set(bytes);
    callback(null, buf);
  });
}

// randomInt draws 48-bit values from a cache of random bytes, refilled as it runs out, and
// when the runtime was reseeded since it was filled (other copies of a snapshot hold it too).
const cache = new Uint8Array(6 * 1024);
let cacheOffset = cache.length;
let cacheGeneration = -1;

function random48() {
  const generation = binding.randomGeneration();
  if (cacheOffset === cache.length || generation !== cacheGeneration) {
    binding.fillRandom(cache);
    cacheOffset = 0;
    cacheGeneration = generation;
  }
  const b = cache;
  const o = cacheOffset;
  cacheOffset += 6;
  return (b[o] * 2 ** 40) + (b[o + 1] * 2 ** 32) + (((b[o + 2] << 24) | (b[o + 3] << 16) | (b[o + 4] << 8) | b[o + 5]) >>> 0);
}

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new codes.ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new codes.ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new codes.ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= kMaxPossibleLength)) {
    throw new codes.ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${kMaxPossibleLength}`, range);
  }
  // Values at or above the largest multiple of `range` are drawn again, so every result is
  // equally likely.
  const limit = 2 ** 48 - (2 ** 48 % range);
  let x;
  do x = random48(); while (x >= limit);
  const n = min + (x % range);
  if (isSync) return n;
  process.nextTick(callback, undefined, n);
}

function checkUUIDOptions(options) {
  if (options !== undefined) {
    validateObject(options, 'options');
    if (options.disableEntropyCache !== undefined) {
      validateBoolean(options.disableEntropyCache, 'options.disableEntropyCache');
    }
  }
}

function randomUUID(options) {
  checkUUIDOptions(options);
  return require('internal/crypto/web').randomUUIDv4(!(options && options.disableEntropyCache));
}

// Version 7: 48 bits of Unix time in milliseconds, then random bits.
function randomUUIDv7(options) {
  checkUUIDOptions(options);
  const b = new Uint8Array(16);
  binding.fillRandom(b);
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  return require('internal/crypto/web').formatUUID(b, 0);
}

module.exports = { randomBytes, randomFill, randomFillSync, randomInt, randomUUID, randomUUIDv7 };
