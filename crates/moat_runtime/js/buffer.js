'use strict';
// node:buffer — Buffer as a Uint8Array subclass. This covers creation, encodings, slicing,
// comparison and concatenation; the numeric read/write methods are not implemented yet.

const enc = internalBinding('encoding');
const { codes } = require('internal/errors');
const { thrower } = require('internal/errors');

// UTF-16LE as Node decodes it: code unit by code unit, a lone surrogate kept as it is, an odd
// last byte dropped.
function utf16leToString(bytes) {
  const units = new Uint16Array(bytes.length >>> 1);
  for (let i = 0; i < units.length; i++) units[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8);
  let out = '';
  for (let i = 0; i < units.length; i += 8192) {
    out += String.fromCharCode.apply(null, units.subarray(i, i + 8192));
  }
  return out;
}

function normalizeEncoding(e) {
  if (e === undefined || e === null || e === '') return 'utf8';
  const l = `${e}`.toLowerCase();
  switch (l) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': case 'base64url': case 'hex': case 'ascii': return l;
    default: return undefined;
  }
}

class Buffer extends Uint8Array {
  static from(value, encodingOrOffset, length) {
    if (typeof value === 'string') {
      const e = normalizeEncoding(encodingOrOffset);
      if (e === undefined) throw new codes.ERR_UNKNOWN_ENCODING(encodingOrOffset);
      const bytes = enc.encode(value, e);
      return new Buffer(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
      const off = encodingOrOffset >>> 0;
      return new Buffer(value, off, length === undefined ? value.byteLength - off : length >>> 0);
    }
    if (ArrayBuffer.isView(value)) {
      const b = Buffer.allocUnsafe(value.length);
      for (let i = 0; i < value.length; i++) b[i] = value[i] & 255;
      return b;
    }
    if (Array.isArray(value)) {
      const b = Buffer.allocUnsafe(value.length);
      for (let i = 0; i < value.length; i++) b[i] = value[i] & 255;
      return b;
    }
    if (value && typeof value === 'object') {
      if (value.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data);
      if (typeof value.length === 'number') return Buffer.from(Array.from(value));
      if (typeof value[Symbol.toPrimitive] === 'function') return Buffer.from(value[Symbol.toPrimitive]('string'), encodingOrOffset);
    }
    throw new codes.ERR_INVALID_ARG_TYPE('first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
  }
  static alloc(size, fill, encoding) {
    checkSize(size);
    const b = new Buffer(size);
    if (fill !== undefined && fill !== 0) b.fill(fill, 0, b.length, encoding);
    return b;
  }
  static allocUnsafe(size) { checkSize(size); return new Buffer(size); }
  static allocUnsafeSlow(size) { checkSize(size); return new Buffer(size); }
  static isBuffer(b) { return b instanceof Buffer; }
  static isEncoding(e) { return typeof e === 'string' && e !== '' && normalizeEncoding(e) !== undefined; }
  static byteLength(s, e) {
    if (typeof s !== 'string') {
      if (ArrayBuffer.isView(s) || s instanceof ArrayBuffer) return s.byteLength;
      throw new codes.ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], s);
    }
    return enc.encode(s, normalizeEncoding(e) || 'utf8').length;
  }
  static concat(list, totalLength) {
    if (!Array.isArray(list)) throw new codes.ERR_INVALID_ARG_TYPE('list', 'Array', list);
    if (totalLength === undefined) totalLength = list.reduce((n, b) => n + b.length, 0);
    const out = Buffer.alloc(totalLength);
    let pos = 0;
    for (const b of list) {
      if (!(b instanceof Uint8Array)) throw new codes.ERR_INVALID_ARG_TYPE('list[0]', ['Buffer', 'Uint8Array'], b);
      const n = Math.min(b.length, totalLength - pos);
      out.set(n === b.length ? b : b.subarray(0, n), pos);
      pos += n;
      if (pos >= totalLength) break;
    }
    return out;
  }
  static compare(a, b) { return a.compare(b); }
  toString(encoding, start = 0, end = this.length) {
    const e = normalizeEncoding(encoding);
    if (e === undefined) throw new codes.ERR_UNKNOWN_ENCODING(encoding);
    start = Math.max(0, start | 0); end = Math.min(this.length, end === undefined ? this.length : end | 0);
    if (end <= start) return '';
    if (e === 'utf16le') return utf16leToString(this.subarray(start, end));
    return enc.decode(this.subarray(start, end), e);
  }
  toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
  equals(other) {
    if (!(other instanceof Uint8Array)) throw new codes.ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], other);
    return this.compare(other) === 0;
  }
  compare(other) {
    const n = Math.min(this.length, other.length);
    for (let i = 0; i < n; i++) if (this[i] !== other[i]) return this[i] < other[i] ? -1 : 1;
    return this.length === other.length ? 0 : this.length < other.length ? -1 : 1;
  }
  slice(start, end) { return this.subarray(start, end); }
  subarray(start, end) {
    const u = Uint8Array.prototype.subarray.call(this, start, end);
    return new Buffer(u.buffer, u.byteOffset, u.byteLength);
  }
  write(string, offset = 0, length, encoding) {
    if (typeof offset === 'string') { encoding = offset; offset = 0; }
    else if (typeof length === 'string') { encoding = length; length = undefined; }
    const bytes = enc.encode(string, normalizeEncoding(encoding) || 'utf8');
    const n = Math.min(bytes.length, this.length - offset, length === undefined ? Infinity : length);
    this.set(bytes.subarray(0, n), offset);
    return n;
  }
  fill(value, offset = 0, end = this.length, encoding) {
    if (typeof offset === 'string') { encoding = offset; offset = 0; end = this.length; }
    if (typeof value === 'string') {
      const bytes = enc.encode(value, normalizeEncoding(encoding) || 'utf8');
      if (bytes.length === 0) return Uint8Array.prototype.fill.call(this, 0, offset, end);
      for (let i = offset, j = 0; i < end; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
      return this;
    }
    return Uint8Array.prototype.fill.call(this, typeof value === 'number' ? value & 255 : value, offset, end);
  }
  includes(v, byteOffset, encoding) { return this.indexOf(v, byteOffset, encoding) !== -1; }
  indexOf(v, byteOffset = 0, encoding) {
    if (typeof v === 'number') return Uint8Array.prototype.indexOf.call(this, v & 255, byteOffset);
    const needle = typeof v === 'string' ? Buffer.from(v, encoding) : v;
    outer: for (let i = byteOffset < 0 ? Math.max(0, this.length + byteOffset) : byteOffset; i <= this.length - needle.length; i++) {
      for (let j = 0; j < needle.length; j++) if (this[i + j] !== needle[j]) continue outer;
      return i;
    }
    return -1;
  }
  copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
    const src = this.subarray(sourceStart, Math.min(sourceEnd, sourceStart + target.length - targetStart));
    target.set(src, targetStart);
    return src.length;
  }
  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    const max = 50;
    let str = Array.from(this.subarray(0, Math.min(max, this.length)), (x) => x.toString(16).padStart(2, '0')).join(' ');
    const remaining = this.length - max;
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    void depth; void options;
    return `<${this.constructor.name} ${str}>`.replace('<Buffer >', '<Buffer >');
  }
}
for (const m of ['readUInt8', 'readUInt16LE', 'readUInt16BE', 'readUInt32LE', 'readUInt32BE', 'readInt8', 'readInt16LE', 'readInt16BE',
  'readInt32LE', 'readInt32BE', 'readFloatLE', 'readDoubleLE', 'readBigUInt64LE', 'writeUInt8', 'writeUInt16LE', 'writeUInt32LE',
  'writeInt32LE', 'writeDoubleLE', 'swap16', 'swap32', 'swap64']) {
  Buffer.prototype[m] = thrower(`buffer.Buffer.prototype.${m}`);
}

// Node 24 on 64-bit hosts.
const kMaxLength = Number.MAX_SAFE_INTEGER;

function checkSize(size) {
  if (typeof size !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('size', 'number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw new codes.ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
}

function btoa(input) {
  if (arguments.length === 0) { const { codes: { ERR_MISSING_ARGS } } = require('internal/errors'); throw new ERR_MISSING_ARGS('input'); }
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
  if (arguments.length === 0) { const { codes: { ERR_MISSING_ARGS } } = require('internal/errors'); throw new ERR_MISSING_ARGS('input'); }
  input = `${input}`.replace(/[\t\n\f\r ]/g, '');
  if (input.length % 4 === 0) input = input.replace(/==?$/, '');
  if (input.length % 4 === 1 || /[^+/0-9A-Za-z]/.test(input)) {
    const { DOMException } = require('internal/dom_exception');
    throw new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }
  return enc.decode(enc.encode(input, 'base64'), 'latin1');
}

module.exports = {
  Buffer, atob, btoa, kMaxLength, constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: 0x1fffffe8 },
  SlowBuffer: Buffer, INSPECT_MAX_BYTES: 50, Blob: require('internal/blob').Blob, File: require('internal/blob').File,
  isUtf8: thrower('buffer.isUtf8'), isAscii: thrower('buffer.isAscii'), transcode: thrower('buffer.transcode'),
};
