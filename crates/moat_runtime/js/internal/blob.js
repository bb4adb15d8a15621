'use strict';
// Blob and File (buffer.Blob, buffer.File and the globals): immutable bytes with a MIME type,
// read as text, an ArrayBuffer, bytes, or a web ReadableStream (one chunk per part, as Node
// gives them).

const { codes } = require('internal/errors');
const { validateObject } = require('internal/validators');

// Reaches a Blob's bytes from outside the class (set in its static block).
let bytesOfBlob;
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

const encoder = new (require('internal/encoding').TextEncoder)();

function bytesOf(part, endings) {
  if (part instanceof Blob) return bytesOfBlob(part);
  if (part instanceof ArrayBuffer) return new Uint8Array(part.slice(0));
  if (ArrayBuffer.isView(part)) {
    return new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength));
  }
  let text = `${part}`;
  // Line endings made the platform's (`\n` here).
  if (endings === 'native') text = text.replace(/\r\n?/g, '\n');
  return encoder.encode(text);
}

// A MIME type is kept lower-cased when it is printable ASCII, and dropped otherwise.
function normalizeType(type) {
  const text = `${type}`;
  return /^[\x20-\x7e]*$/.test(text) ? text.toLowerCase() : '';
}

class Blob {
  #bytes;
  #type;
  // Where each part given to the constructor ends in #bytes.
  #ends;

  static {
    bytesOfBlob = (blob) => blob.#bytes;
  }

  constructor(sources = [], options = undefined) {
    if (sources === null || typeof sources !== 'object' || typeof sources[Symbol.iterator] !== 'function') {
      const err = new TypeError('Value cannot be converted to sequence.');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'a dictionary', options);
    }
    const endings = `${options?.endings ?? 'transparent'}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw new codes.ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const parts = [...sources].map((part) => bytesOf(part, endings));
    const size = parts.reduce((n, p) => n + p.length, 0);
    const bytes = new Uint8Array(size);
    const ends = [];
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
      if (p.length > 0) ends.push(at);
    }
    this.#bytes = bytes;
    this.#ends = ends;
    this.#type = options?.type === undefined ? '' : normalizeType(options.type);
  }

  get type() { return this.#type; }
  get size() { return this.#bytes.length; }

  slice(start = 0, end = this.size, contentType = '') {
    const size = this.size;
    const clamp = (n) => {
      const i = Math.trunc(Number(n)) || 0;
      return i < 0 ? Math.max(size + i, 0) : Math.min(i, size);
    };
    const from = clamp(start);
    const to = Math.max(clamp(end), from);
    return new Blob([this.#bytes.subarray(from, to)], { type: contentType });
  }

  arrayBuffer() {
    return Promise.resolve(this.#bytes.slice().buffer);
  }

  text() {
    return Promise.resolve(new (require('internal/encoding').TextDecoder)().decode(this.#bytes));
  }

  bytes() {
    return Promise.resolve(this.#bytes.slice());
  }

  stream() {
    const bytes = this.#bytes;
    const ends = this.#ends;
    const { ReadableStream } = require('internal/webstreams/readablestream');
    let part = 0;
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        if (part < ends.length) {
          const start = part === 0 ? 0 : ends[part - 1];
          controller.enqueue(bytes.slice(start, ends[part]));
          part++;
        }
        if (part >= ends.length) {
          controller.close();
          const request = controller.byobRequest;
          if (request !== null) request.respond(0);
        }
      },
    });
  }

  textStream() {
    const stream = this.stream();
    const { TextDecoderStream } = require('internal/webstreams/encoding');
    return stream.pipeThrough(new TextDecoderStream());
  }

  get [Symbol.toStringTag]() { return 'Blob'; }

  [inspectCustom](depth, options, inspect) {
    const shown = { size: this.size, type: this.type };
    if (this instanceof File) Object.assign(shown, { name: this.name, lastModified: this.lastModified });
    return `${this instanceof File ? 'File' : 'Blob'} ${inspect(shown, options)}`;
  }
}
for (const name of ['type', 'size', 'slice', 'arrayBuffer', 'text', 'bytes', 'stream', 'textStream']) {
  Object.defineProperty(Blob.prototype, name, { enumerable: true });
}

class File extends Blob {
  #name;
  #lastModified;

  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw new codes.ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    if (options !== null && options !== undefined) validateObject(options, 'options');
    this.#name = `${fileName}`;
    const lastModified = options?.lastModified;
    // A number as WebIDL's `long long` takes it: a BigInt or a symbol is a TypeError.
    this.#lastModified = lastModified === undefined ? Date.now() : Math.trunc(+lastModified) || 0;
  }

  get name() { return this.#name; }
  get lastModified() { return this.#lastModified; }
  get [Symbol.toStringTag]() { return 'File'; }
}
for (const name of ['name', 'lastModified']) Object.defineProperty(File.prototype, name, { enumerable: true });

// The bytes of a Blob, for those that read them whole (fetch bodies).
function blobBytes(blob) {
  return bytesOfBlob(blob);
}

module.exports = { Blob, File, blobBytes };
