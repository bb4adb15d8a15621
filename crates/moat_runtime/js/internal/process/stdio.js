'use strict';
// process.stdout, process.stderr and process.stdin. Writes are synchronous, as Node's are for
// files and pipes; callbacks still run asynchronously.

const EventEmitter = require('events');
const b = internalBinding('process');
const { codes } = require('internal/errors');

class WriteStream extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
    this._isStdio = true;
    this.writable = true;
    this.isTTY = b.isatty(fd) ? true : undefined;
    if (this.isTTY) { this.columns = 80; this.rows = 24; }
    this._writableState = { objectMode: false, ended: false };
  }
  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
    if (typeof chunk === 'string' && encoding && encoding !== 'utf8' && encoding !== 'utf-8') {
      chunk = require('buffer').Buffer.from(chunk, encoding);
    }
    // A lone surrogate goes out as U+FFFD, as Node writes it.
    b.writeStdio(this.fd, typeof chunk === 'string' ? chunk.toWellFormed() : chunk);
    if (typeof cb === 'function') process.nextTick(cb, null);
    return true;
  }
  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
    if (chunk != null) this.write(chunk, encoding);
    if (typeof cb === 'function') process.nextTick(cb);
    process.nextTick(() => this.emit('finish'));
    return this;
  }
  cork() {}
  uncork() {}
  setDefaultEncoding() { return this; }
  destroy() { return this; }
  getColorDepth() { return this.isTTY ? 8 : 1; }
  hasColors(count = 16) { return this.isTTY ? count <= 256 : false; }
  getWindowSize() { return [this.columns || 80, this.rows || 24]; }
  get writableLength() { return 0; }
  get writableHighWaterMark() { return 16384; }
  get writableEnded() { return false; }
  get writableFinished() { return false; }
  get writableNeedDrain() { return false; }
  get writableObjectMode() { return false; }
  get writableCorked() { return 0; }
  get destroyed() { return false; }
}

// stdin: read in one go when someone listens for data (moat has no async stdin yet).
class ReadStream extends EventEmitter {
  constructor() {
    super();
    this.fd = 0;
    this.isTTY = b.isatty(0) ? true : undefined;
    this.readable = true;
    this._encoding = null;
    this._started = false;
    this.on('newListener', (ev) => {
      if ((ev === 'data' || ev === 'readable' || ev === 'end') && !this._started) this.resume();
    });
  }
  setEncoding(enc) { this._encoding = enc; return this; }
  resume() {
    if (this._started) return this;
    this._started = true;
    setImmediate(() => {
      const text = b.readStdin();
      const chunk = this._encoding ? text : require('buffer').Buffer.from(text, 'utf8');
      if (text.length > 0) this.emit('data', chunk);
      this.emit('end');
      this.emit('close');
    });
    return this;
  }
  pause() { return this; }
  setRawMode() { return this; }
  ref() { return this; }
  unref() { return this; }
  [Symbol.asyncIterator]() { return require('internal/streams/data_events').dataEventIterator(this); }
}

module.exports = { WriteStream, ReadStream };
