'use strict';
// TextEncoder and TextDecoder (encoding_rs does the decoding).
const enc = internalBinding('encoding');
const { codes } = require('internal/errors');

class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input = '') { return enc.encode(`${input}`, 'utf8'); }
  encodeInto(src, dest) {
    const bytes = enc.encode(`${src}`, 'utf8');
    let written = 0, read = 0;
    for (const ch of `${src}`) {
      const n = enc.byteLengthUtf8(ch);
      if (written + n > dest.length) break;
      written += n;
      read += ch.length;
    }
    dest.set(bytes.subarray(0, written));
    return { read, written };
  }
}
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: 'TextEncoder', configurable: true });

class TextDecoder {
  constructor(encoding = 'utf-8', options = {}) {
    const name = enc.normalizeLabel(`${encoding}`);
    if (!name) throw new codes.ERR_ENCODING_NOT_SUPPORTED(encoding);
    this._encoding = name;
    this._fatal = !!(options && options.fatal);
    this._ignoreBOM = !!(options && options.ignoreBOM);
  }
  get encoding() { return this._encoding; }
  get fatal() { return this._fatal; }
  get ignoreBOM() { return this._ignoreBOM; }
  // With `{ stream: true }`, bytes of a character cut at the end wait for the next call.
  decode(input = new Uint8Array(0), options = undefined) {
    let bytes = input;
    if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
    else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else throw new codes.ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'ArrayBufferView'], input);
    const stream = !!(options && options.stream);
    if (this._pending !== undefined && this._pending.length > 0) {
      const joined = new Uint8Array(this._pending.length + bytes.length);
      joined.set(this._pending);
      joined.set(bytes, this._pending.length);
      bytes = joined;
    }
    this._pending = undefined;
    if (stream) {
      const keep = incompleteTail(bytes, this._encoding);
      if (keep > 0) {
        this._pending = bytes.slice(bytes.length - keep);
        bytes = bytes.subarray(0, bytes.length - keep);
      }
    }
    const ignoreBOM = this._ignoreBOM || this._bomSeen === true;
    if (bytes.length > 0) this._bomSeen = stream;
    else if (!stream) this._bomSeen = false;
    return enc.textDecode(bytes, this._encoding, this._fatal, ignoreBOM);
  }
}
// How many trailing bytes start a character that is not complete yet.
function incompleteTail(bytes, encoding) {
  const n = bytes.length;
  if (encoding === 'utf-8') {
    for (let back = 1; back <= Math.min(3, n); back++) {
      const b = bytes[n - back];
      if ((b & 0xc0) === 0x80) continue;
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return need > back ? back : 0;
    }
    return 0;
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    let keep = n % 2;
    if (n - keep >= 2) {
      const i = n - keep - 2;
      const unit = encoding === 'utf-16le' ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
      if (unit >= 0xd800 && unit <= 0xdbff) keep += 2;
    }
    return keep;
  }
  return 0;
}

Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true });
module.exports = { TextEncoder, TextDecoder };
