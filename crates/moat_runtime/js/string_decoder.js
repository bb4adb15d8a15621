'use strict';
// node:string_decoder — turns a byte stream into text without splitting a character: UTF-8
// and UTF-16 hold back an incomplete character, base64 an incomplete group of three bytes,
// until the next write or the end.

const { codes } = require('internal/errors');

const kNames = {
  'utf8': 'utf8', 'utf-8': 'utf8', 'ucs2': 'utf16le', 'ucs-2': 'utf16le', 'utf16le': 'utf16le',
  'utf-16le': 'utf16le', 'latin1': 'latin1', 'binary': 'latin1', 'base64': 'base64',
  'base64url': 'base64url', 'hex': 'hex', 'ascii': 'ascii',
};

const lazyBuffer = () => require('buffer').Buffer;

function bytesOf(buf) {
  if (buf instanceof Uint8Array) return buf;
  if (ArrayBuffer.isView(buf)) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  throw new codes.ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
}

// A function, not a class: Node's may be called without `new` on any object.
function StringDecoder(encoding) {
  const name = encoding === undefined || encoding === null ? 'utf8' : kNames[`${encoding}`.toLowerCase()];
  if (name === undefined) throw new codes.ERR_UNKNOWN_ENCODING(encoding);
  this.encoding = name;
  this._utf8 = name === 'utf8' ? new TextDecoder('utf-8') : null;
  // base64: the bytes of an incomplete group; UTF-16: an odd byte, or a lead surrogate's two.
  this._held = null;
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  const bytes = bytesOf(buf);
  if (this._utf8 !== null) return this._utf8.decode(bytes, { stream: true });
  const Buffer = lazyBuffer();
  const all = this._held === null ? bytes : Buffer.concat([this._held, bytes]);
  let whole = all.length;
  if (this.encoding === 'base64' || this.encoding === 'base64url') {
    whole -= all.length % 3;
  } else if (this.encoding === 'utf16le') {
    whole -= all.length % 2;
    // A lead surrogate waits for its trail.
    if (whole >= 2) {
      const last = all[whole - 2] | (all[whole - 1] << 8);
      if (last >= 0xD800 && last <= 0xDBFF) whole -= 2;
    }
  }
  this._held = whole < all.length ? Buffer.from(all.subarray(whole)) : null;
  return Buffer.from(all.buffer, all.byteOffset, whole).toString(this.encoding);
};

StringDecoder.prototype.end = function end(buf) {
  let out = buf === undefined ? '' : this.write(buf);
  if (this._utf8 !== null) {
    out += this._utf8.decode();
  } else if (this._held !== null) {
    const held = this._held;
    this._held = null;
    // UTF-16 gives a lone lead surrogate as it is and drops an odd byte.
    const n = this.encoding === 'utf16le' ? held.length - (held.length % 2) : held.length;
    out += held.subarray(0, n).toString(this.encoding);
  }
  return out;
};

// The legacy form: decodes from `offset` on.
StringDecoder.prototype.text = function text(buf, offset) {
  return this.write(bytesOf(buf).subarray(offset));
};

module.exports = { StringDecoder };
