'use strict';
// TextEncoder and TextDecoder (encoding_rs does the decoding).
const enc = internalBinding('encoding');
const { codes } = require('internal/errors');

class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input = '') { return enc.encode(`${input}`, 'utf8'); }
  encodeInto(src, dest) {
    src = `${src}`;
    if (!(dest instanceof Uint8Array)) throw new codes.ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    const written = enc.encodeInto(src, 'utf8', dest, 0, dest.length);
    if (written === enc.byteLengthUtf8(src)) return { read: src.length, written };
    // Only whole characters were written: count the UTF-16 units they came from.
    let bytes = 0, read = 0;
    while (bytes < written) {
      const c = src.charCodeAt(read);
      if (c < 0x80) { bytes += 1; read += 1; }
      else if (c < 0x800) { bytes += 2; read += 1; }
      else if (c >= 0xd800 && c <= 0xdbff && (src.charCodeAt(read + 1) & 0xfc00) === 0xdc00) { bytes += 4; read += 2; }
      else { bytes += 3; read += 1; }
    }
    return { read, written };
  }
}
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: 'TextEncoder', configurable: true });

class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  #state;
  constructor(encoding = 'utf-8', options = {}) {
    const name = enc.normalizeLabel(`${encoding}`);
    if (!name || name === 'replacement') throw new codes.ERR_ENCODING_NOT_SUPPORTED(encoding);
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    this.#encoding = name;
    this.#fatal = !!(options && options.fatal);
    this.#ignoreBOM = !!(options && options.ignoreBOM);
    // The decoder (encoding_rs) keeps a character cut at a chunk's end until the next call.
    this.#state = enc.newDecoder(name, this.#ignoreBOM);
  }
  get encoding() { return this.#encoding; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }
  decode(input = undefined, options = undefined) {
    let bytes;
    if (input === undefined) bytes = new Uint8Array(0);
    else if (input instanceof Uint8Array) bytes = input;
    else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && input instanceof SharedArrayBuffer)) bytes = new Uint8Array(input);
    else {
      // Worded as Node's native decoder words it.
      const err = new TypeError('The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const stream = !!(options && options.stream);
    return enc.decoderDecode(this.#state, bytes, stream, this.#fatal);
  }
}
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true });
module.exports = { TextEncoder, TextDecoder };
