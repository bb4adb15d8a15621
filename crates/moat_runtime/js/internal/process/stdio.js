'use strict';
// process.stdout, process.stderr and process.stdin as node:stream Writables and a Readable.
// Writes are synchronous, as Node's are for files and pipes; callbacks still run
// asynchronously. A stream on a terminal is node:tty's (built on these), as Node picks it.

const { Writable, Readable } = require('stream');
const { codes } = require('internal/errors');
const b = internalBinding('process');

// stdout and stderr: writes go out at once, as Node's do for files, pipes and terminals on
// Linux. Destroying one does not close its descriptor: the program may still print.
class WriteStreamBase extends Writable {
  constructor(fd) {
    super({ decodeStrings: false });
    this.fd = fd;
    this._isStdio = true;
  }
  _write(chunk, encoding, cb) {
    if (typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' && encoding !== 'buffer') {
      chunk = require('buffer').Buffer.from(chunk, encoding);
    }
    try {
      // A lone surrogate goes out as U+FFFD, as Node writes it.
      b.writeStdio(this.fd, typeof chunk === 'string' ? chunk.toWellFormed() : chunk);
    } catch (err) {
      cb(err);
      return;
    }
    cb();
  }
  _destroy(err, cb) {
    cb(err);
    // Still usable afterwards, and 'close' is observable all the same.
    this._undestroy();
    if (!this._writableState.emitClose) process.nextTick(() => this.emit('close'));
  }
}

// stdin: read on the event loop once the stream wants data. Chunks arrive as `data` events of
// a loop handle; while the stream is flowing or waiting for a read, the handle keeps the loop
// alive, and a pause lets the program exit.
class ReadStreamBase extends Readable {
  constructor(fd = 0, options = undefined) {
    super({ highWaterMark: 64 * 1024, ...options });
    this.fd = fd;
    this._handle = undefined;
    this._refed = true;
    this._wanted = false;
    // Chunks (null for the end) that came while the stream did not want them.
    this._held = [];
    // A pause stops the wait one tick later, once a read the stream had already scheduled
    // (resuming, then pausing at once) has been asked for.
    this.on('pause', () => process.nextTick(() => {
      if (this.readableFlowing) return;
      this._wanted = false;
      this._readableState.reading = false;
      this._updateRef();
    }));
  }
  _read() {
    if (this._handle === undefined) {
      if (this.fd !== 0) {
        this.destroy(new codes.ERR_NOT_IMPLEMENTED(`reading a stream on descriptor ${this.fd}`));
        return;
      }
      const loop = require('internal/loop');
      this._handle = b.stdinStart();
      loop.registerHandle(this._handle, (event) => this._onEvent(event));
    }
    this._wanted = true;
    // What arrived while the stream did not want it goes first.
    while (this._wanted && this._held.length > 0) this._deliver(this._held.shift());
    this._updateRef();
  }
  ref() { this._refed = true; this._updateRef(); return this; }
  unref() { this._refed = false; this._updateRef(); return this; }
  // The loop waits for stdin while the stream wants data and the program has not unref'd it.
  _updateRef() {
    if (this._handle === undefined || this._handle === null) return;
    const loop = require('internal/loop');
    if (this._refed && this._wanted) loop.refHandle(this._handle);
    else loop.unrefHandle(this._handle);
  }
  _onEvent(event) {
    if (event[0] !== 'data') return;
    const bytes = event[3];
    let chunk = null;
    if (bytes.byteLength === 0) {
      require('internal/loop').unregisterHandle(this._handle);
      this._handle = null;
    } else {
      chunk = require('buffer').Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    // Input keeps arriving while the stream is paused: it is held until the next read, so
    // that a paused stream is not asked to read again.
    if (this._wanted) this._deliver(chunk);
    else this._held.push(chunk);
  }
  _deliver(chunk) {
    if (!this.push(chunk) && chunk !== null) {
      this._wanted = false;
      this._updateRef();
    }
  }
  _destroy(err, cb) {
    if (this._handle !== undefined && this._handle !== null) {
      require('internal/loop').unregisterHandle(this._handle);
      this._handle = null;
    }
    cb(err);
  }
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
