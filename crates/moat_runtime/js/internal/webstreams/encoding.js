'use strict';
// TextEncoderStream and TextDecoderStream: a TransformStream around TextEncoder/TextDecoder.

const { codes } = require('internal/errors');
const { inspectCustom, shapeClass, customInspect, invalidThis } = require('internal/webstreams/util');
const { createTransformStream } = require('internal/webstreams/transformstream');

// Node's getters read a private field, and fail on another object as V8 words it.
function privateMemberError() {
  return new TypeError('Cannot read private member #st from an object whose class did not declare it');
}

let encoderState;
class TextEncoderStream {
  #st;

  static {
    encoderState = (o) => {
      if (o === null || typeof o !== 'object' || !(#st in o)) throw privateMemberError();
      return o.#st;
    };
  }

  constructor() {
    const { TextEncoder } = require('internal/encoding');
    const encoder = new TextEncoder();
    // A lead surrogate at a chunk's end waits for the next chunk.
    let pending = '';
    const transform = (chunk, controller) => {
      let text = pending + `${chunk}`;
      pending = '';
      if (text.length > 0) {
        const last = text.charCodeAt(text.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          pending = text.slice(-1);
          text = text.slice(0, -1);
        }
      }
      if (text.length > 0) controller.enqueue(encoder.encode(text));
    };
    const flush = (controller) => {
      if (pending !== '') controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
    };
    this.#st = { transform: createTransformStream(transform, flush) };
  }

  get encoding() {
    encoderState(this);
    return 'utf-8';
  }

  get readable() { return encoderState(this).transform.readable; }
  get writable() { return encoderState(this).transform.writable; }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#st in this)) throw invalidThis('TextEncoderStream');
    const { transform } = this.#st;
    return customInspect('TextEncoderStream', {
      encoding: 'utf-8', readable: transform.readable, writable: transform.writable,
    }, depth, options, inspect);
  }
}
shapeClass(TextEncoderStream, ['encoding', 'readable', 'writable']);

let decoderState;
class TextDecoderStream {
  #st;

  static {
    decoderState = (o) => {
      if (o === null || typeof o !== 'object' || !(#st in o)) throw privateMemberError();
      return o.#st;
    };
  }

  constructor(encoding = 'utf-8', options = {}) {
    const { TextDecoder } = require('internal/encoding');
    const decoder = new TextDecoder(encoding, options);
    const transform = (chunk, controller) => {
      if (!(chunk instanceof ArrayBuffer) && !ArrayBuffer.isView(chunk) &&
          !(typeof SharedArrayBuffer !== 'undefined' && chunk instanceof SharedArrayBuffer)) {
        throw new codes.ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'ArrayBufferView'], chunk);
      }
      const text = decoder.decode(chunk, { stream: true });
      if (text !== '') controller.enqueue(text);
    };
    const flush = (controller) => {
      const text = decoder.decode();
      if (text !== '') controller.enqueue(text);
    };
    this.#st = { decoder, transform: createTransformStream(transform, flush) };
  }

  get encoding() { return decoderState(this).decoder.encoding; }
  get fatal() { return decoderState(this).decoder.fatal; }
  get ignoreBOM() { return decoderState(this).decoder.ignoreBOM; }
  get readable() { return decoderState(this).transform.readable; }
  get writable() { return decoderState(this).transform.writable; }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#st in this)) throw invalidThis('TextDecoderStream');
    const { decoder, transform } = this.#st;
    return customInspect('TextDecoderStream', {
      encoding: decoder.encoding, fatal: decoder.fatal, ignoreBOM: decoder.ignoreBOM,
      readable: transform.readable, writable: transform.writable,
    }, depth, options, inspect);
  }
}
shapeClass(TextDecoderStream, ['encoding', 'fatal', 'ignoreBOM', 'readable', 'writable']);

module.exports = { TextEncoderStream, TextDecoderStream };
