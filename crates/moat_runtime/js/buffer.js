'use strict';
// node:buffer — Buffer is a Uint8Array subclass (FastBuffer) behind a callable `Buffer`
// function that shares its prototype. Encoding, decoding, searching, comparing and filling
// run in Rust on the arrays' bytes (internalBinding('encoding') and ('buffer')); the numeric
// reads and writes are byte arithmetic here.

const enc = internalBinding('encoding');
const bin = internalBinding('buffer');
const { codes } = require('internal/errors');

// Node's limits on 64-bit hosts. The engine's array buffers hold at most 2 GiB - 1 bytes, so
// a larger buffer fails to allocate (as one too large for memory does in Node).
const kMaxLength = 2 ** 53 - 1;
const kStringMaxLength = 0x1fffffe8;
const kEngineMaxBytes = 0x7fffffff;
let INSPECT_MAX_BYTES = 50;

class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) { super(bufferOrLength, byteOffset, length); }
}

// A new zero-filled buffer of its own.
function newBuffer(size) {
  if (size > kEngineMaxBytes) throw new RangeError('Array buffer allocation failed');
  return new FastBuffer(size);
}

const isUint8Array = (v) => v instanceof Uint8Array;
// Brand checks: the accessors throw for anything but a real (Shared)ArrayBuffer or typed array.
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const sabByteLength = typeof SharedArrayBuffer === 'undefined' ? undefined :
  Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get;
const typedArrayLength = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), 'length').get;
function hasBrand(getter, v) {
  if (getter === undefined || v === null || typeof v !== 'object') return false;
  try {
    getter.call(v);
    return true;
  } catch {
    return false;
  }
}
const isAnyArrayBuffer = (v) => hasBrand(abByteLength, v) || hasBrand(sabByteLength, v);

// ---- Encodings ------------------------------------------------------------------------------

const { normalizeEncoding } = require('internal/util/encoding_name');

// The encoding an API was given, or Node's error for one it does not know.
function encodingOf(e) {
  if (e === undefined) return 'utf8';
  const str = `${e}`;
  const n = str !== '' ? normalizeEncoding(str) : undefined;
  if (n === undefined) throw new codes.ERR_UNKNOWN_ENCODING(e);
  return n;
}

function base64ByteLength(str) {
  let n = str.length;
  if (n > 0 && str.charCodeAt(n - 1) === 0x3d) n--;
  if (n > 1 && str.charCodeAt(n - 1) === 0x3d) n--;
  return (n * 3) >>> 2;
}

function byteLengthOf(str, e) {
  switch (e) {
    case 'utf8': return enc.byteLengthUtf8(str);
    case 'utf16le': return str.length * 2;
    case 'latin1': case 'ascii': return str.length;
    case 'hex': return str.length >>> 1;
    default: return base64ByteLength(str);
  }
}

// ---- Allocation -----------------------------------------------------------------------------

// Small buffers share a pool of Buffer.poolSize bytes (64 KiB unless changed).
let poolSize = 64 * 1024;
let pool;
let poolOffset = 0;

function createPool() {
  const size = Buffer.poolSize;
  poolSize = typeof size === 'number' && size >= 8 && size <= kMaxLength ? Math.floor(size) : 64 * 1024;
  pool = new ArrayBuffer(poolSize);
  // Other buffers share it: it may not be transferred away from them.
  require('internal/structured_clone').markUntransferable(pool);
  poolOffset = 0;
}

// A buffer of `size` bytes carved from the shared pool when it is small, else its own.
function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (poolSize >>> 1)) {
    if (pool === undefined || size > pool.byteLength - poolOffset) createPool();
    const b = new FastBuffer(pool, poolOffset, size);
    poolOffset += size;
    poolOffset = (poolOffset + 7) & ~7;
    return b;
  }
  return newBuffer(size);
}

function validateSize(size) {
  if (typeof size !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('size', 'number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw new codes.ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
}

function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

function fromString(string, encoding) {
  const e = typeof encoding !== 'string' || encoding.length === 0 ? 'utf8' : normalizeEncoding(encoding);
  if (e === undefined) throw new codes.ERR_UNKNOWN_ENCODING(encoding);
  if (string.length === 0) return new FastBuffer();
  if (string.length < (poolSize >>> 2)) {
    const len = byteLengthOf(string, e);
    if (len < (poolSize >>> 1)) {
      const b = allocate(len);
      const n = enc.encodeInto(string, e, b, 0, len);
      return n === len ? b : new FastBuffer(b.buffer, b.byteOffset, n);
    }
  }
  const bytes = enc.encode(string, e);
  return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function fromArrayLike(obj) {
  const length = obj.length;
  if (length <= 0) return new FastBuffer();
  const b = allocate(length);
  if (obj instanceof Uint8Array) {
    b.set(obj);
  } else {
    for (let i = 0; i < length; i++) b[i] = obj[i];
  }
  return b;
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    // Without a length the view tracks a resizable buffer's size.
    return new FastBuffer(obj, byteOffset);
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

const kDeprecation = 'Buffer() is deprecated due to security and usability issues. Please use the ' +
  'Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.';
let deprecationWarned = false;

// Whether the code calling Buffer() lives under node_modules (which is not warned about).
let checkingCaller = false;
function calledFromNodeModules() {
  // A user's Error.prepareStackTrace must not see (or recurse into) this check.
  if (checkingCaller) return false;
  checkingCaller = true;
  const saved = Error.prepareStackTrace;
  let stack;
  try {
    Error.prepareStackTrace = undefined;
    stack = new Error().stack;
  } finally {
    Error.prepareStackTrace = saved;
    checkingCaller = false;
  }
  if (typeof stack !== 'string') return false;
  for (const line of stack.split('\n').slice(1)) {
    const m = /\(?((?:file:\/\/)?\/[^():]+|[A-Za-z]:\\[^():]+)(?::\d+)*\)?\s*$/.exec(line);
    if (m === null) continue;
    return /[\\/]node_modules[\\/]/.test(m[1]);
  }
  return false;
}

function warnDeprecation() {
  if (deprecationWarned) return;
  const pending = process.execArgv.includes('--pending-deprecation') ||
    /(^|\s)--pending-deprecation(\s|$)/.test(process.env.NODE_OPTIONS || '');
  if (!pending && calledFromNodeModules()) return;
  deprecationWarned = true;
  process.emitWarning(kDeprecation, 'DeprecationWarning', 'DEP0005');
}

// The legacy constructor, callable with or without `new`.
function Buffer(arg, encodingOrOffset, length) {
  warnDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw new codes.ERR_INVALID_ARG_TYPE('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
Object.defineProperty(Buffer, 'prototype', { value: FastBuffer.prototype, writable: false, enumerable: false, configurable: false });
Object.defineProperty(FastBuffer.prototype, 'constructor', { value: Buffer, writable: true, enumerable: false, configurable: true });
Object.setPrototypeOf(Buffer, Uint8Array);
// Typed array methods that make a new array (map, filter, ...) make FastBuffers, not calls
// of the deprecated Buffer().
Object.defineProperty(Buffer, Symbol.species, {
  get() { return this === Buffer ? FastBuffer : this; }, configurable: true,
});

const statics = {
  from(value, encodingOrOffset, length) {
    if (typeof value === 'string') return fromString(value, encodingOrOffset);
    if (typeof value === 'object' && value !== null) {
      if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
      const valueOf = value.valueOf && value.valueOf();
      if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
        return Buffer.from(valueOf, encodingOrOffset, length);
      }
      const b = fromObject(value);
      if (b) return b;
      if (typeof value[Symbol.toPrimitive] === 'function') {
        const primitive = value[Symbol.toPrimitive]('string');
        if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
      }
    }
    throw new codes.ERR_INVALID_ARG_TYPE('first argument',
      ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
  },
  copyBytesFrom(view, offset, length) {
    if (!ArrayBuffer.isView(view) || view instanceof DataView) {
      throw new codes.ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
    }
    const viewLength = view.length;
    if (viewLength === 0) return Buffer.alloc(0);
    if (offset !== undefined || length !== undefined) {
      const { validateInteger } = require('internal/validators');
      if (offset !== undefined) {
        validateInteger(offset, 'offset', 0);
        if (offset >= viewLength) return Buffer.alloc(0);
      } else {
        offset = 0;
      }
      let end = viewLength;
      if (length !== undefined) {
        validateInteger(length, 'length', 0);
        end = offset + length;
      }
      view = view.slice(offset, end);
    }
    return fromArrayLike(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  },
  of(...items) {
    const b = allocate(items.length);
    for (let i = 0; i < items.length; i++) b[i] = items[i];
    return b;
  },
  alloc(size, fill, encoding) {
    validateSize(size);
    if (fill !== undefined && fill !== 0 && size > 0) {
      return fillImpl(newBuffer(size), fill, 0, size, encoding);
    }
    return newBuffer(size);
  },
  allocUnsafe(size) {
    validateSize(size);
    return allocate(size);
  },
  allocUnsafeSlow(size) {
    validateSize(size);
    return newBuffer(size);
  },
  isBuffer(b) {
    return b instanceof Buffer;
  },
  compare(buf1, buf2) {
    if (!isUint8Array(buf1)) throw new codes.ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
    if (!isUint8Array(buf2)) throw new codes.ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
    if (buf1 === buf2) return 0;
    return bin.compare(buf1, buf2);
  },
  isEncoding(encoding) {
    return typeof encoding === 'string' && encoding.length !== 0 && normalizeEncoding(encoding) !== undefined;
  },
  concat(list, length) {
    if (!Array.isArray(list)) throw new codes.ERR_INVALID_ARG_TYPE('list', 'Array', list);
    if (list.length === 0) return new FastBuffer();
    if (length === undefined) {
      length = 0;
      for (let i = 0; i < list.length; i++) {
        const b = list[i];
        const n = isUint8Array(b) ? typedArrayLength.call(b) : b.length;
        if (n) length += n;
      }
    } else {
      validateOffset(length, 'length');
    }
    const out = Buffer.allocUnsafe(length);
    let pos = 0;
    for (let i = 0; i < list.length; i++) {
      const b = list[i];
      if (!isUint8Array(b)) {
        throw new codes.ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], b);
      }
      pos += copyActual(b, out, pos, 0, typedArrayLength.call(b));
    }
    if (pos < length) out.fill(0, pos, length);
    return out;
  },
  byteLength(string, encoding) {
    if (typeof string !== 'string') {
      if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
      throw new codes.ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
    }
    const mustMatch = arguments.length > 2 && arguments[2] === true;
    if (!mustMatch && string.length === 0) return 0;
    const e = encoding ? normalizeEncoding(encoding) : undefined;
    if (e === undefined) return mustMatch ? -1 : enc.byteLengthUtf8(string);
    return byteLengthOf(string, e);
  },
};
for (const name of Object.keys(statics)) {
  Object.defineProperty(Buffer, name, {
    value: statics[name], writable: true, enumerable: true, configurable: true,
  });
}
Object.defineProperty(Buffer, 'poolSize', { value: 64 * 1024, writable: true, enumerable: true, configurable: true });

// ---- Copy, fill, compare, search ------------------------------------------------------------

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return n % 1 === 0 ? n : Math.floor(n);
  }
  return defaultVal;
}

function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.byteLength - targetStart) {
    sourceEnd = sourceStart + target.byteLength - targetStart;
  }
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.byteLength - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  if (sourceStart === 0 && nb === source.byteLength) target.set(source, targetStart);
  else target.set(new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb), targetStart);
  return nb;
}

function copyImpl(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(source)) throw new codes.ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  if (!ArrayBuffer.isView(target)) throw new codes.ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  target = asBytes(target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = Number.isInteger(targetStart) ? targetStart : toInteger(targetStart, 0);
    if (targetStart < 0) throw new codes.ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.byteLength) {
      throw new codes.ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${source.byteLength}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = source.byteLength;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new codes.ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.byteLength || sourceStart >= sourceEnd) return 0;
  return copyActual(source, target, targetStart, sourceStart, sourceEnd);
}

function fillImpl(buf, value, offset, end, encoding) {
  let e;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    e = normalizeEncoding(encoding);
    if (e === undefined) {
      if (typeof encoding !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('encoding', 'string', encoding);
      throw new codes.ERR_UNKNOWN_ENCODING(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      const code = value.charCodeAt(0);
      if ((e === 'utf8' && code < 128) || e === 'latin1') value = code;
    }
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    if (offset > end || end - offset + offset > buf.byteLength) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS();
    Uint8Array.prototype.fill.call(buf, value, offset, end);
    return buf;
  }
  let bytes;
  if (typeof value === 'string') {
    bytes = enc.encode(value, e);
  } else if (ArrayBuffer.isView(value)) {
    bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  } else {
    Uint8Array.prototype.fill.call(buf, Number(value) & 255, offset, end);
    return buf;
  }
  if (bytes.length === 0) throw new codes.ERR_INVALID_ARG_VALUE('value', value);
  if (end > buf.byteLength) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS();
  bin.fill(asBytes(buf), bytes, offset, end);
  return buf;
}

// A Uint8Array over a view's bytes (the view itself when it is one).
function asBytes(v) {
  return v instanceof Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

// Node's rules for where a search starts; -1 means there is nothing to find.
function searchStart(length, offset, needleLength, forward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    if (forward || needleLength === 0) return 0;
    return -1;
  }
  if (offset + needleLength <= length) return offset;
  if (needleLength === 0) return length;
  if (forward) return -1;
  return length - 1;
}

function indexOfBytes(hay, needle, byteOffset, forward, utf16) {
  const hayLength = hay.byteLength;
  const needleLength = needle.byteLength;
  const start = searchStart(hayLength, byteOffset, needleLength, forward);
  if (needleLength === 0) return start;
  if (hayLength === 0 || start <= -1) return -1;
  if ((forward && needleLength + start > hayLength) || needleLength > hayLength) return -1;
  if (utf16) {
    if (hayLength < 2 || needleLength < 2) return -1;
    // Whole code units only: the needle's odd last byte is ignored, matches start on even
    // offsets, and the search starts at the code unit holding `start`.
    const n = needleLength & ~1;
    const from = forward ? start & ~1 : Math.min(start, hayLength - n) & ~1;
    return bin.indexOf(asBytes(hay), needle.subarray(0, n), from, forward, 2);
  }
  return bin.indexOf(asBytes(hay), asBytes(needle), start, forward, 1);
}

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (!ArrayBuffer.isView(buffer)) {
    throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  byteOffset = Math.trunc(byteOffset);
  if (typeof val === 'number') {
    const len = buffer.byteLength;
    const start = searchStart(len, byteOffset, 1, dir);
    if (start <= -1 || len === 0) return -1;
    const needle = new Uint8Array([val >>> 0 & 255]);
    return bin.indexOf(asBytes(buffer), needle, start, dir, 1);
  }
  const e = encoding === undefined ? 'utf8' : typeof encoding === 'string' && encoding !== '' ? normalizeEncoding(encoding) : undefined;
  if (typeof val === 'string') {
    if (e === undefined) throw new codes.ERR_UNKNOWN_ENCODING(encoding);
    return indexOfBytes(buffer, enc.encode(val, e), byteOffset, dir, e === 'utf16le');
  }
  if (isUint8Array(val)) return indexOfBytes(buffer, val, byteOffset, dir, e === 'utf16le');
  throw new codes.ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

// ---- Reading and writing numbers ------------------------------------------------------------

function validateNumber(value, name) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
}

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type || 'offset');
    throw new codes.ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS();
  throw new codes.ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

function checkBounds(buf, offset, byteLength1) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + byteLength1] === undefined) {
    boundsError(offset, buf.length - (byteLength1 + 1));
  }
}

function checkInt(value, min, max, buf, offset, byteLength1) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (byteLength1 > 3) {
      const bits = (byteLength1 + 1) * 8;
      if (min === 0 || min === 0n) range = `>= 0${n} and < 2${n} ** ${bits}${n}`;
      else range = `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new codes.ERR_OUT_OF_RANGE('value', range, value);
  }
  checkBounds(buf, offset, byteLength1);
}

// Reads `n` bytes at `offset` as an unsigned little- or big-endian integer (n <= 6).
function readUnsigned(buf, offset, n, little) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + n - 1] === undefined) boundsError(offset, buf.length - n);
  let v = 0;
  if (little) {
    for (let i = n - 1; i >= 0; i--) v = v * 256 + buf[offset + i];
  } else {
    for (let i = 0; i < n; i++) v = v * 256 + buf[offset + i];
  }
  return v;
}

function readSigned(buf, offset, n, little) {
  const v = readUnsigned(buf, offset, n, little);
  const limit = 2 ** (8 * n - 1);
  return v >= limit ? v - limit * 2 : v;
}

function writeInteger(buf, value, offset, n, min, max, little) {
  value = +value;
  if (n === 1) {
    validateNumber(offset, 'offset');
    if (value > max || value < min) throw new codes.ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
    if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
    buf[offset] = value;
    return offset + 1;
  }
  checkInt(value, min, max, buf, offset, n - 1);
  // Two's complement for negatives; fractions are dropped toward zero byte by byte.
  let v = value < 0 ? 2 ** (8 * n) + Math.trunc(value) : Math.trunc(value);
  if (Number.isNaN(v)) v = 0;
  for (let i = 0; i < n; i++) {
    const byte = v % 256;
    buf[little ? offset + i : offset + n - 1 - i] = byte;
    v = (v - byte) / 256;
  }
  return offset + n;
}

const float32 = new Float32Array(1);
const float32Bytes = new Uint8Array(float32.buffer);
const float64 = new Float64Array(1);
const float64Bytes = new Uint8Array(float64.buffer);
const hostLittle = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function readFloat(buf, offset, bytes, view, little) {
  if (offset === undefined) offset = 0;
  validateNumber(offset, 'offset');
  const n = bytes.length;
  if (buf[offset] === undefined || buf[offset + n - 1] === undefined) boundsError(offset, buf.length - n);
  const same = little === hostLittle;
  for (let i = 0; i < n; i++) bytes[same ? i : n - 1 - i] = buf[offset + i];
  return view[0];
}

function writeFloat(buf, value, offset, bytes, view, little) {
  value = +value;
  if (offset === undefined) offset = 0;
  const n = bytes.length;
  checkBounds(buf, offset, n - 1);
  view[0] = value;
  const same = little === hostLittle;
  for (let i = 0; i < n; i++) buf[offset + i] = bytes[same ? i : n - 1 - i];
  return offset + n;
}

function readBig(buf, offset, little, signed) {
  if (offset === undefined) offset = 0;
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + 7] === undefined) boundsError(offset, buf.length - 8);
  let hi = 0, lo = 0;
  for (let i = 0; i < 4; i++) {
    const a = buf[offset + (little ? 7 - i : i)];
    const b = buf[offset + (little ? 3 - i : 4 + i)];
    hi = hi * 256 + a;
    lo = lo * 256 + b;
  }
  const v = (BigInt(hi) << 32n) + BigInt(lo);
  return signed ? BigInt.asIntN(64, v) : v;
}

function writeBig(buf, value, offset, little, min, max) {
  if (offset === undefined) offset = 0;
  checkInt(value, min, max, buf, offset, 7);
  if (typeof value !== 'bigint') throw new TypeError('Cannot mix BigInt and other types, use explicit conversions');
  const v = BigInt.asUintN(64, value);
  let lo = Number(v & 0xffffffffn);
  let hi = Number(v >> 32n);
  for (let i = 0; i < 4; i++) {
    buf[little ? offset + i : offset + 7 - i] = lo & 255;
    buf[little ? offset + 4 + i : offset + 3 - i] = hi & 255;
    lo >>>= 8;
    hi >>>= 8;
  }
  return offset + 8;
}

const kIntRanges = [
  undefined, [-0x80, 0x7f], [-0x8000, 0x7fff], [-0x800000, 0x7fffff], [-0x80000000, 0x7fffffff],
  [-0x8000000000, 0x7fffffffff], [-0x800000000000, 0x7fffffffffff],
];

function checkByteLength(byteLength) {
  if (!(byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength))) {
    boundsError(byteLength, 6, 'byteLength');
  }
}

const numberMethods = {
  readUIntLE: function readUIntLE(offset, byteLength) {
    if (offset === undefined) throw new codes.ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    checkByteLength(byteLength);
    return readUnsigned(this, offset, byteLength, true);
  },
  readUIntBE: function readUIntBE(offset, byteLength) {
    if (offset === undefined) throw new codes.ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    checkByteLength(byteLength);
    return readUnsigned(this, offset, byteLength, false);
  },
  readIntLE: function readIntLE(offset, byteLength) {
    if (offset === undefined) throw new codes.ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    checkByteLength(byteLength);
    return readSigned(this, offset, byteLength, true);
  },
  readIntBE: function readIntBE(offset, byteLength) {
    if (offset === undefined) throw new codes.ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    checkByteLength(byteLength);
    return readSigned(this, offset, byteLength, false);
  },
  readUInt8: function readUInt8(offset = 0) { return readUnsigned(this, offset, 1, true); },
  readUInt16LE: function readUInt16LE(offset = 0) { return readUnsigned(this, offset, 2, true); },
  readUInt16BE: function readUInt16BE(offset = 0) { return readUnsigned(this, offset, 2, false); },
  readUInt32LE: function readUInt32LE(offset = 0) { return readUnsigned(this, offset, 4, true); },
  readUInt32BE: function readUInt32BE(offset = 0) { return readUnsigned(this, offset, 4, false); },
  readInt8: function readInt8(offset = 0) { return readSigned(this, offset, 1, true); },
  readInt16LE: function readInt16LE(offset = 0) { return readSigned(this, offset, 2, true); },
  readInt16BE: function readInt16BE(offset = 0) { return readSigned(this, offset, 2, false); },
  readInt32LE: function readInt32LE(offset = 0) { return readSigned(this, offset, 4, true); },
  readInt32BE: function readInt32BE(offset = 0) { return readSigned(this, offset, 4, false); },
  readBigUInt64LE: function readBigUInt64LE(offset) { return readBig(this, offset, true, false); },
  readBigUInt64BE: function readBigUInt64BE(offset) { return readBig(this, offset, false, false); },
  readBigInt64LE: function readBigInt64LE(offset) { return readBig(this, offset, true, true); },
  readBigInt64BE: function readBigInt64BE(offset) { return readBig(this, offset, false, true); },
  readFloatLE: function readFloatLE(offset) { return readFloat(this, offset, float32Bytes, float32, true); },
  readFloatBE: function readFloatBE(offset) { return readFloat(this, offset, float32Bytes, float32, false); },
  readDoubleLE: function readDoubleLE(offset) { return readFloat(this, offset, float64Bytes, float64, true); },
  readDoubleBE: function readDoubleBE(offset) { return readFloat(this, offset, float64Bytes, float64, false); },
  writeUIntLE: function writeUIntLE(value, offset, byteLength) {
    checkByteLength(byteLength);
    return writeInteger(this, value, offset, byteLength, 0, 2 ** (8 * byteLength) - 1, true);
  },
  writeUIntBE: function writeUIntBE(value, offset, byteLength) {
    checkByteLength(byteLength);
    return writeInteger(this, value, offset, byteLength, 0, 2 ** (8 * byteLength) - 1, false);
  },
  writeIntLE: function writeIntLE(value, offset, byteLength) {
    checkByteLength(byteLength);
    const [min, max] = kIntRanges[byteLength];
    return writeInteger(this, value, offset, byteLength, min, max, true);
  },
  writeIntBE: function writeIntBE(value, offset, byteLength) {
    checkByteLength(byteLength);
    const [min, max] = kIntRanges[byteLength];
    return writeInteger(this, value, offset, byteLength, min, max, false);
  },
  writeUInt8: function writeUInt8(value, offset = 0) { return writeInteger(this, value, offset, 1, 0, 0xff, true); },
  writeUInt16LE: function writeUInt16LE(value, offset = 0) { return writeInteger(this, value, offset, 2, 0, 0xffff, true); },
  writeUInt16BE: function writeUInt16BE(value, offset = 0) { return writeInteger(this, value, offset, 2, 0, 0xffff, false); },
  writeUInt32LE: function writeUInt32LE(value, offset = 0) { return writeInteger(this, value, offset, 4, 0, 0xffffffff, true); },
  writeUInt32BE: function writeUInt32BE(value, offset = 0) { return writeInteger(this, value, offset, 4, 0, 0xffffffff, false); },
  writeInt8: function writeInt8(value, offset = 0) { return writeInteger(this, value, offset, 1, -0x80, 0x7f, true); },
  writeInt16LE: function writeInt16LE(value, offset = 0) { return writeInteger(this, value, offset, 2, -0x8000, 0x7fff, true); },
  writeInt16BE: function writeInt16BE(value, offset = 0) { return writeInteger(this, value, offset, 2, -0x8000, 0x7fff, false); },
  writeInt32LE: function writeInt32LE(value, offset = 0) { return writeInteger(this, value, offset, 4, -0x80000000, 0x7fffffff, true); },
  writeInt32BE: function writeInt32BE(value, offset = 0) { return writeInteger(this, value, offset, 4, -0x80000000, 0x7fffffff, false); },
  writeBigUInt64LE: function writeBigUInt64LE(value, offset) { return writeBig(this, value, offset, true, 0n, 0xffffffffffffffffn); },
  writeBigUInt64BE: function writeBigUInt64BE(value, offset) { return writeBig(this, value, offset, false, 0n, 0xffffffffffffffffn); },
  writeBigInt64LE: function writeBigInt64LE(value, offset) { return writeBig(this, value, offset, true, -(2n ** 63n), 2n ** 63n - 1n); },
  writeBigInt64BE: function writeBigInt64BE(value, offset) { return writeBig(this, value, offset, false, -(2n ** 63n), 2n ** 63n - 1n); },
  writeFloatLE: function writeFloatLE(value, offset) { return writeFloat(this, value, offset, float32Bytes, float32, true); },
  writeFloatBE: function writeFloatBE(value, offset) { return writeFloat(this, value, offset, float32Bytes, float32, false); },
  writeDoubleLE: function writeDoubleLE(value, offset) { return writeFloat(this, value, offset, float64Bytes, float64, true); },
  writeDoubleBE: function writeDoubleBE(value, offset) { return writeFloat(this, value, offset, float64Bytes, float64, false); },
};

// ---- The prototype --------------------------------------------------------------------------

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  return offset < length ? offset : length;
}

// A Buffer over part of `buf`'s memory.
function subarrayOf(buf, start, end) {
  const srcLength = buf.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(buf.buffer, buf.byteOffset + start, newLength);
}

function swapCheck(buf, size) {
  if (buf.length % size !== 0) throw new codes.ERR_INVALID_BUFFER_SIZE(`${size * 8}-bits`);
}

// An error worded as Node's native layer words it (not from the code table).
function nativeError(Ctor, code, message) {
  const err = new Ctor(message);
  Object.defineProperty(err, 'code', { value: code, enumerable: true, writable: true, configurable: true });
  return err;
}
const indexOutOfRange = () => nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');

function writeEncoded(buf, string, offset, length, e) {
  if (typeof string !== 'string') throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
  return enc.encodeInto(string, e, asBytes(buf), offset, length);
}


const protoMethods = {
  toString: function toString(encoding, start, end) {
    if (arguments.length === 0) return enc.decode(asBytes(this), 'utf8');
    const len = this.length;
    if (start <= 0) start = 0;
    else if (start >= len) return '';
    else start = Math.trunc(start) || 0;
    if (end === undefined || end > len) end = len;
    else end = Math.trunc(end) || 0;
    if (end <= start) return '';
    const e = encoding === undefined ? 'utf8' : encodingOf(encoding);
    return enc.decode(asBytes(this), e, start, end);
  },
  equals: function equals(otherBuffer) {
    if (!isUint8Array(otherBuffer)) {
      throw new codes.ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
    }
    if (this === otherBuffer) return true;
    if (this.byteLength !== otherBuffer.byteLength) return false;
    return this.byteLength === 0 || bin.compare(asBytes(this), otherBuffer) === 0;
  },
  compare: function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
    if (!isUint8Array(target)) throw new codes.ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
    if (arguments.length === 1) return bin.compare(asBytes(this), target);
    if (targetStart === undefined) targetStart = 0;
    else validateOffset(targetStart, 'targetStart');
    if (targetEnd === undefined) targetEnd = target.length;
    else validateOffset(targetEnd, 'targetEnd', 0, target.length);
    if (sourceStart === undefined) sourceStart = 0;
    else validateOffset(sourceStart, 'sourceStart');
    if (sourceEnd === undefined) sourceEnd = this.length;
    else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
    if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
    if (targetStart >= targetEnd) return 1;
    if (sourceStart > this.length) throw new codes.ERR_OUT_OF_RANGE('sourceStart', `<= ${this.length}`, sourceStart);
    if (targetStart > target.length) throw new codes.ERR_OUT_OF_RANGE('targetStart', `<= ${target.length}`, targetStart);
    const a = new Uint8Array(this.buffer, this.byteOffset + sourceStart, sourceEnd - sourceStart);
    const b = new Uint8Array(target.buffer, target.byteOffset + targetStart, targetEnd - targetStart);
    return bin.compare(a, b);
  },
  indexOf: function indexOf(val, byteOffset, encoding) { return bidirectionalIndexOf(this, val, byteOffset, encoding, true); },
  lastIndexOf: function lastIndexOf(val, byteOffset, encoding) { return bidirectionalIndexOf(this, val, byteOffset, encoding, false); },
  includes: function includes(val, byteOffset, encoding) { return bidirectionalIndexOf(this, val, byteOffset, encoding, true) !== -1; },
  fill: function fill(value, offset, end, encoding) { return fillImpl(this, value, offset, end, encoding); },
  copy: function copy(target, targetStart, sourceStart, sourceEnd) {
    return copyImpl(this, target, targetStart, sourceStart, sourceEnd);
  },
  write: function write(string, offset, length, encoding) {
    if (offset === undefined) return writeEncoded(this, string, 0, this.length, 'utf8');
    if (length === undefined && typeof offset === 'string') {
      encoding = offset;
      length = this.length;
      offset = 0;
    } else {
      validateOffset(offset, 'offset', 0, this.length);
      const remaining = this.length - offset;
      if (length === undefined) {
        length = remaining;
      } else if (typeof length === 'string') {
        encoding = length;
        length = remaining;
      } else {
        validateOffset(length, 'length', 0, this.length);
        if (length > remaining) length = remaining;
      }
    }
    const e = !encoding ? 'utf8' : encodingOf(encoding);
    return writeEncoded(this, string, offset, length, e);
  },
  toJSON: function toJSON() {
    if (this.length > 0) {
      const data = new Array(this.length);
      for (let i = 0; i < this.length; ++i) data[i] = this[i];
      return { type: 'Buffer', data };
    }
    return { type: 'Buffer', data: [] };
  },
  subarray: function subarray(start, end) { return subarrayOf(this, start, end); },
  // Through this.subarray, so a plain Uint8Array gets a Uint8Array.
  slice: function slice(start, end) { return this.subarray(start, end); },
  swap16: function swap16() {
    swapCheck(this, 2);
    bin.swap(asBytes(this), 2);
    return this;
  },
  swap32: function swap32() {
    swapCheck(this, 4);
    bin.swap(asBytes(this), 4);
    return this;
  },
  swap64: function swap64() {
    swapCheck(this, 8);
    bin.swap(asBytes(this), 8);
    return this;
  },
  ...numberMethods,
};
protoMethods.toLocaleString = protoMethods.toString;

for (const e of ['ascii', 'base64', 'base64url', 'latin1', 'hex', 'ucs2', 'utf8']) {
  const name = e === 'ucs2' ? 'utf16le' : e;
  protoMethods[`${e}Slice`] = function (start, end) {
    if (start === undefined) start = 0;
    if (end === undefined) end = this.length;
    if (start < 0 || end > this.length) throw indexOutOfRange();
    if (start >= end) return '';
    return enc.decode(asBytes(this), name, start, end);
  };
  protoMethods[`${e}Write`] = function (string, offset = 0, length = this.length - offset) {
    if (!(offset >= 0 && offset <= this.length)) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS('offset');
    if (!(length >= 0 && length <= this.length - offset)) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS('length');
    return writeEncoded(this, string, offset, length, name);
  };
}

for (const name of Object.keys(protoMethods)) {
  Object.defineProperty(FastBuffer.prototype, name, {
    value: protoMethods[name], writable: true, enumerable: false, configurable: true,
  });
}
// The lower-case `Uint` spellings are the same functions.
for (const name of Object.keys(numberMethods)) {
  if (name.includes('UInt')) {
    Object.defineProperty(FastBuffer.prototype, name.replace('UInt', 'Uint'), {
      value: numberMethods[name], writable: true, enumerable: false, configurable: true,
    });
  }
}

Object.defineProperty(FastBuffer.prototype, 'parent', {
  get() { return this instanceof Buffer ? this.buffer : undefined; },
  enumerable: true, configurable: true,
});
Object.defineProperty(FastBuffer.prototype, 'offset', {
  get() { return this instanceof Buffer ? this.byteOffset : undefined; },
  enumerable: true, configurable: true,
});

function inspectBuffer(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const shown = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = '';
  if (shown > 0) {
    const hex = enc.decode(asBytes(this), 'hex', 0, shown);
    const pairs = new Array(shown);
    for (let i = 0; i < shown; i++) pairs[i] = hex.slice(2 * i, 2 * i + 2);
    str = pairs.join(' ');
  }
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  // Own properties other than the indices are shown after the bytes.
  if (ctx) {
    const { inspect } = require('internal/util/inspect');
    const keys = ctx.showHidden ? Reflect.ownKeys(this) : [
      ...Object.keys(this), ...Object.getOwnPropertySymbols(this).filter((s) => Object.prototype.propertyIsEnumerable.call(this, s)),
    ];
    const extras = [];
    for (const key of keys) {
      if (typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key)) continue;
      const name = typeof key === 'symbol' ? key.toString() : /^[A-Za-z_$][\w$]*$/.test(key) ? key : inspect(key);
      extras.push(`${name}: ${inspect(this[key], { ...ctx, breakLength: Infinity, compact: true })}`);
    }
    if (extras.length > 0) {
      if (this.length !== 0) str += ', ';
      str += extras.join(', ');
    }
  }
  return `<${this.constructor.name} ${str}>`;
}
Object.defineProperty(FastBuffer.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  value: inspectBuffer, writable: true, enumerable: false, configurable: true,
});
Object.defineProperty(FastBuffer.prototype, 'inspect', {
  value: inspectBuffer, writable: true, enumerable: false, configurable: true,
});

// ---- Module functions -----------------------------------------------------------------------

function SlowBuffer(size) {
  validateSize(size);
  return newBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

// The bytes isUtf8/isAscii check.
function bytesToValidate(input) {
  let ab;
  if (ArrayBuffer.isView(input)) ab = input.buffer;
  else if (isAnyArrayBuffer(input)) ab = input;
  else throw new codes.ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
  if (ab.detached) throw new codes.ERR_INVALID_STATE('Cannot validate on a detached buffer');
  return ab === input ? new Uint8Array(ab) : asBytes(input);
}

function isUtf8(input) {
  return enc.isUtf8(bytesToValidate(input));
}

function isAscii(input) {
  return enc.isAscii(bytesToValidate(input));
}

// Re-encodes between the encodings ICU converts in Node: characters the target cannot hold
// become `?`, invalid input U+FFFD.
function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) throw new codes.ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  if (source.length === 0) return Buffer.alloc(0);
  const from = normalizeEncoding(fromEncoding) || fromEncoding;
  const to = normalizeEncoding(toEncoding) || toEncoding;
  if (from === to) return Buffer.from(source);
  const known = ['ascii', 'latin1', 'utf16le', 'utf8'];
  if (!known.includes(from) || !known.includes(to)) {
    const err = new Error('Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]');
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    throw err;
  }
  let text;
  if (from === 'ascii') {
    const bytes = asBytes(source);
    text = enc.isAscii(bytes) ? enc.decode(bytes, 'latin1') : enc.decode(bytes, 'latin1').replace(/[\x80-\xff]/g, '\ufffd');
  } else {
    text = enc.decode(asBytes(source), from);
  }
  if (to === 'ascii') text = text.replace(/[\ud800-\udbff][\udc00-\udfff]|[^\x00-\x7f]/g, '?');
  else if (to === 'latin1') text = text.replace(/[\ud800-\udbff][\udc00-\udfff]|[^\x00-\xff]/g, '?');
  return fromString(text, to);
}

function btoa(input) {
  if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) > 0xff) {
      const { DOMException } = require('internal/dom_exception');
      throw new DOMException('Invalid character', 'InvalidCharacterError');
    }
  }
  return enc.decode(enc.encode(input, 'latin1'), 'base64');
}

function atob(input) {
  if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('input');
  input = `${input}`.replace(/[\t\n\f\r ]/g, '');
  if (input.length % 4 === 0) input = input.replace(/==?$/, '');
  if (input.length % 4 === 1 || /[^+/0-9A-Za-z]/.test(input)) {
    const { DOMException } = require('internal/dom_exception');
    throw new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }
  return enc.decode(enc.encode(input, 'base64'), 'latin1');
}

function resolveObjectURL(url) {
  const blob = require('internal/blob');
  if (typeof blob.resolveObjectURL === 'function') return blob.resolveObjectURL(url);
  throw new codes.ERR_NOT_IMPLEMENTED('buffer.resolveObjectURL');
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  INSPECT_MAX_BYTES: undefined,
  Blob: undefined,
  resolveObjectURL,
  File: undefined,
};
Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  get() { return INSPECT_MAX_BYTES; },
  set(val) {
    if (typeof val !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('INSPECT_MAX_BYTES', 'number', val);
    if (!(val >= 0)) throw new codes.ERR_OUT_OF_RANGE('INSPECT_MAX_BYTES', '>= 0', val);
    INSPECT_MAX_BYTES = val;
  },
  enumerable: true, configurable: true,
});
Object.defineProperty(module.exports, 'Blob', {
  get() { return require('internal/blob').Blob; }, enumerable: true, configurable: true,
});
Object.defineProperty(module.exports, 'File', {
  get() { return require('internal/blob').File; }, enumerable: true, configurable: true,
});
