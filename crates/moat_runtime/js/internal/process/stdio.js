'use strict';
// process.stdout, process.stderr and process.stdin. Writes are synchronous, as Node's are for
// files and pipes; callbacks still run asynchronously. A stream on a terminal is node:tty's
// (built on these), as Node picks it.

const EventEmitter = require('events');
const b = internalBinding('process');
const { codes } = require('internal/errors');

class WriteStreamBase extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
    this._isStdio = true;
    this.writable = true;
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
  get writableLength() { return 0; }
  get writableHighWaterMark() { return 16384; }
  get writableEnded() { return false; }
  get writableFinished() { return false; }
  get writableNeedDrain() { return false; }
  get writableObjectMode() { return false; }
  get writableCorked() { return 0; }
  get destroyed() { return false; }
}

// stdin: read on the event loop once someone listens for data or resumes it. Its chunks arrive
// as `data` events of a loop handle; while flowing, the stream keeps the loop alive.
class ReadStreamBase extends EventEmitter {
  constructor(fd = 0) {
    super();
    this.fd = fd;
    this.readable = true;
    this.readableEnded = false;
    this._decoder = null;
    this._started = false;
    this._handle = undefined;
    this._paused = true;
    this._refed = true;
    this._chunks = [];
    this._ended = false;
    this.on('newListener', (ev) => {
      // Chunks arrive from the loop, after a pause() that follows in the same tick.
      if ((ev === 'data' || ev === 'readable') && !this._started) this.resume();
    });
  }
  setEncoding(enc) {
    const { StringDecoder } = require('string_decoder');
    this._decoder = new StringDecoder(enc);
    return this;
  }
  resume() {
    this._paused = false;
    if (!this._started) {
      if (this.fd !== 0) throw new codes.ERR_NOT_IMPLEMENTED(`reading a stream on descriptor ${this.fd}`);
      this._started = true;
      const loop = require('internal/loop');
      this._handle = b.stdinStart();
      loop.registerHandle(this._handle, (event) => this._onEvent(event));
    }
    this._updateRef();
    this._flow();
    return this;
  }
  pause() {
    this._paused = true;
    this._updateRef();
    return this;
  }
  isPaused() { return this._paused; }
  ref() { this._refed = true; this._updateRef(); return this; }
  unref() { this._refed = false; this._updateRef(); return this; }
  read() {
    const chunk = this._chunks.shift();
    return chunk === undefined ? null : this._decode(chunk);
  }
  _decode(chunk) { return this._decoder ? this._decoder.write(chunk) : chunk; }
  // The loop waits for stdin while it flows and the program has not unref'd it.
  _updateRef() {
    if (this._handle === undefined || this._ended) return;
    const loop = require('internal/loop');
    if (this._refed && !this._paused) loop.refHandle(this._handle);
    else loop.unrefHandle(this._handle);
  }
  _onEvent(event) {
    if (event[0] !== 'data') return;
    const bytes = event[3];
    if (bytes.byteLength === 0) {
      this._ended = true;
      require('internal/loop').unregisterHandle(this._handle);
    } else {
      this._chunks.push(require('buffer').Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (this.listenerCount('readable') > 0) this.emit('readable');
    }
    this._flow();
  }
  _flow() {
    while (!this._paused && this._chunks.length > 0) {
      const data = this._decode(this._chunks.shift());
      if (data.length > 0) this.emit('data', data);
    }
    if (this._ended && !this.readableEnded && this._chunks.length === 0 && !this._paused) {
      if (this._decoder) {
        const rest = this._decoder.end();
        if (rest.length > 0) this.emit('data', rest);
      }
      this.readable = false;
      this.readableEnded = true;
      this.emit('end');
      process.nextTick(() => this.emit('close'));
    }
  }
  [Symbol.asyncIterator]() { return require('internal/streams/data_events').dataEventIterator(this); }
}

// The stream for stdout (1) or stderr (2); on a terminal a tty.WriteStream, which follows the
// terminal's size on SIGWINCH.
function WriteStream(fd) {
  if (!internalBinding('tty').isatty(fd)) return new WriteStreamBase(fd);
  const stream = new (require('tty').WriteStream)(fd);
  process.on('SIGWINCH', () => stream._refreshSize());
  return stream;
}

// The stream for stdin; on a terminal a tty.ReadStream.
function ReadStream() {
  if (!internalBinding('tty').isatty(0)) return new ReadStreamBase(0);
  return new (require('tty').ReadStream)(0);
}

module.exports = { WriteStream, ReadStream, WriteStreamBase, ReadStreamBase };
