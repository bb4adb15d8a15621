'use strict';
// stream.Duplex: a Readable that is also a Writable (Writable's methods and getters are copied
// onto its prototype; `instanceof Writable` holds through Writable's Symbol.hasInstance).

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const destroyImpl = require('internal/streams/destroy');
const { addAbortSignal } = require('internal/streams/add-abort-signal');

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  if (this._events === undefined || this._events === null) {
    this._events = { __proto__: null, close: undefined, error: undefined, prefinish: undefined, finish: undefined,
      drain: undefined, data: undefined, end: undefined, readable: undefined };
  }
  this._readableState = new Readable.ReadableState(options, this, true);
  this._writableState = new Writable.WritableState(options, this, true);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) addAbortSignal(options.signal, this);
  } else {
    this.allowHalfOpen = true;
  }
  require('internal/streams/legacy').Stream.call(this, options);
  if (this._construct) {
    destroyImpl.construct(this, () => {
      const r = this._readableState;
      if (r.needReadable) require('internal/streams/readable')._maybeReadMore(this, r);
      const w = this._writableState;
      Writable._afterConstruct(this, w);
    });
  }
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

for (const name of ['write', 'cork', 'uncork', 'setDefaultEncoding', '_write', '_writev', 'end', 'destroy']) {
  Duplex.prototype[name] = Writable.prototype[name];
}

function copyGetter(name) {
  return { __proto__: null, ...Object.getOwnPropertyDescriptor(Writable.prototype, name) };
}
Object.defineProperties(Duplex.prototype, {
  writable: copyGetter('writable'),
  writableHighWaterMark: copyGetter('writableHighWaterMark'),
  writableObjectMode: copyGetter('writableObjectMode'),
  writableBuffer: copyGetter('writableBuffer'),
  writableLength: copyGetter('writableLength'),
  writableFinished: copyGetter('writableFinished'),
  writableCorked: copyGetter('writableCorked'),
  writableEnded: copyGetter('writableEnded'),
  writableNeedDrain: copyGetter('writableNeedDrain'),
  destroyed: {
    __proto__: null, configurable: true,
    get() {
      if (this._readableState === undefined || this._writableState === undefined) return false;
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set(value) {
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
  },
});

Duplex.fromWeb = function fromWeb(pair, options) {
  return require('internal/webstreams/adapters').newStreamDuplexFromReadableWritablePair(pair, options);
};
Duplex.toWeb = function toWeb(duplex, options) {
  return require('internal/webstreams/adapters').newReadableWritablePairFromDuplex(duplex, options);
};
Duplex.from = function from(body) {
  return require('internal/streams/duplexify')(body, 'body');
};

module.exports = Duplex;
