'use strict';
// TextEncoder and TextDecoder (encoding_rs does the decoding).
const enc = internalBinding('encoding');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_ENCODING_NOT_SUPPORTED } } = require('internal/errors');

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
    if (!name) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    this._encoding = name;
    this._fatal = !!(options && options.fatal);
    this._ignoreBOM = !!(options && options.ignoreBOM);
  }
  get encoding() { return this._encoding; }
  get fatal() { return this._fatal; }
  get ignoreBOM() { return this._ignoreBOM; }
  decode(input = new Uint8Array(0), options) {
    void options;
    let bytes = input;
    if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
    else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'ArrayBufferView'], input);
    return enc.textDecode(bytes, this._encoding, this._fatal, this._ignoreBOM);
  }
}
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true });
module.exports = { TextEncoder, TextDecoder };
