'use strict';
// fs.ReadStream and fs.WriteStream: node:stream Readable and Writable over a file descriptor,
// a FileHandle, or the open/read/write/close of a custom `fs` option.

const { Readable, Writable, finished } = require('stream');
const { codes } = require('internal/errors');
const { validateInteger, validateBoolean, validateAbortSignal } = require('internal/validators');
const { errorOrDestroy } = require('internal/streams/destroy');
const U = require('internal/fs/utils');

let fsModule;
function defaultFs() { return fsModule ??= require('fs'); }
let BufferCtor;
function Buf() { return BufferCtor ??= require('buffer').Buffer; }

const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kIoDone = Symbol('kIoDone');

function isFileHandle(v) {
  const { FileHandle } = require('internal/fs/promises');
  return v instanceof FileHandle;
}

// The `fs` a stream uses: the option's functions over the real ones, or a FileHandle's methods.
function streamFs(options, needed) {
  const given = options.fs;
  if (given === undefined || given === null) return defaultFs();
  const out = { ...defaultFs() };
  for (const name of ['open', 'close', 'read', 'write', 'writev', 'fsync']) {
    if (given[name] !== undefined) out[name] = given[name];
  }
  for (const name of needed) {
    if (typeof given[name] !== 'function' && given[name] !== undefined) {
      throw new codes.ERR_INVALID_ARG_TYPE(`options.fs.${name}`, 'function', given[name]);
    }
  }
  return out;
}
function handleFs(handle) {
  const wrap = (p, cb, map) => p.then((r) => cb(null, ...map(r)), (e) => cb(e));
  return {
    open() { throw new codes.ERR_METHOD_NOT_IMPLEMENTED('open()'); },
    read(fd, buf, off, len, pos, cb) { wrap(handle.read(buf, off, len, pos), cb, (r) => [r.bytesRead, r.buffer]); },
    write(fd, buf, off, len, pos, cb) { wrap(handle.write(buf, off, len, pos), cb, (r) => [r.bytesWritten, r.buffer]); },
    writev(fd, bufs, pos, cb) { wrap(handle.writev(bufs, pos), cb, (r) => [r.bytesWritten, r.buffers]); },
    close(fd, cb) { wrap(handle.close(), cb, () => []); },
    fsync(fd, cb) { wrap(handle.sync(), cb, () => []); },
  };
}

function commonOptions(stream, path, options, needed) {
  if (options.fd !== undefined && options.fd !== null && isFileHandle(options.fd)) {
    if (options.fs !== undefined && options.fs !== null) {
      throw new codes.ERR_METHOD_NOT_IMPLEMENTED('FileHandle with fs');
    }
    stream[kHandle] = options.fd;
    stream[kFs] = handleFs(options.fd);
    stream.fd = options.fd.fd;
    options.fd.on('close', () => { if (!stream.destroyed) stream.destroy(); });
  } else {
    stream[kFs] = streamFs(options, needed);
    if (options.fd !== undefined && options.fd !== null) stream.fd = U.getValidatedFd(options.fd);
    else stream.fd = null;
  }
  if (stream.fd === null) stream.path = toPath(path);
  if (stream.fd === null) U.getValidatedPath(stream.path);
  stream.flags = options.flags === undefined ? stream.flags : options.flags;
  stream.mode = options.mode === undefined ? 0o666 : options.mode;
  stream[kIsPerformingIO] = false;
  if (options.start !== undefined) validateInteger(options.start, 'start', 0);
  stream.start = options.start;
}
function toPath(p) {
  if (p !== null && typeof p === 'object' && p.href !== undefined) return require('internal/url').fileURLToPath(p);
  return p;
}

function normalizeOptions(options) {
  if (options === undefined || options === null) return {};
  if (typeof options === 'string') options = { encoding: options };
  if (typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  // Inherited options count, as in Node; what is set here stays off the caller's object.
  const copy = {};
  for (const key in options) copy[key] = options[key];
  U.assertEncoding(copy.encoding);
  validateAbortSignal(copy.signal, 'options.signal');
  return copy;
}

// Opens the file for a stream being constructed (or, for a subclass with its own open(),
// waits for it to emit 'open' or 'error').
function construct(stream, original, callback) {
  if (typeof stream.fd === 'number') { callback(); return; }
  if (stream.open !== original) {
    const emit = stream.emit;
    stream.emit = function (event, ...args) {
      if (event === 'open') { this.emit = emit; callback(); return Reflect.apply(emit, this, [event, ...args]); }
      if (event === 'error') { this.emit = emit; callback(args[0]); return false; }
      return Reflect.apply(emit, this, [event, ...args]);
    };
    stream.open();
    return;
  }
  stream[kFs].open(stream.path, stream.flags, stream.mode, (err, fd) => {
    if (err) { callback(err); return; }
    stream.fd = fd;
    callback();
    stream.emit('open', stream.fd);
    stream.emit('ready');
  });
}

function closeStream(stream, err, cb) {
  if (stream.fd === null || stream.fd === undefined) { cb(err); return; }
  stream[kFs].close(stream.fd, (er) => cb(er || err));
  stream.fd = null;
}
function destroyStream(stream, err, cb) {
  if (stream[kIsPerformingIO]) {
    stream.once(kIoDone, (er) => (stream.autoClose ? closeStream(stream, err || er, cb) : cb(err || er)));
  } else if (stream.autoClose) {
    closeStream(stream, err, cb);
  } else {
    cb(err);
  }
}

// ---- ReadStream -----------------------------------------------------------------------------

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = normalizeOptions(options);
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  if (options.autoDestroy === undefined) options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  this.flags = 'r';
  commonOptions(this, path, options, ['open', 'read', 'close']);
  if (options.end === undefined || options.end === Infinity) this.end = Infinity;
  else { validateInteger(options.end, 'end', 0); this.end = options.end; }
  if (this.start !== undefined && this.start > this.end) {
    throw new codes.ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`, this.start);
  }
  this.pos = this.start;
  this.bytesRead = 0;
  Reflect.apply(Readable, this, [options]);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);
Object.defineProperty(ReadStream.prototype, 'autoClose', {
  get() {
    if (this === null || typeof this !== 'object' || !this._readableState) throw new codes.ERR_INVALID_THIS('ReadStream');
    return this._readableState.autoDestroy;
  },
  set(v) { this._readableState.autoDestroy = v; },
  configurable: true, enumerable: true,
});
Object.defineProperty(ReadStream.prototype, 'pending', {
  get() { return this.fd === null; }, configurable: true,
});
function openRead() {
  construct(this, this.open, (err) => { if (err) errorOrDestroy(this, err); });
}
ReadStream.prototype.open = openRead;
ReadStream.prototype._construct = function (callback) { construct(this, openRead, callback); };
ReadStream.prototype._read = function (n) {
  n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) { this.push(null); return; }
  const buf = Buf().allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  this[kFs].read(this.fd, buf, 0, n, this.pos ?? null, (er, bytesRead) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) { this.emit(kIoDone, er); return; }
    if (er) { errorOrDestroy(this, er); return; }
    if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      this.push(bytesRead !== buf.length ? buf.subarray(0, bytesRead) : buf);
    } else {
      this.push(null);
    }
  });
};
ReadStream.prototype._destroy = function (err, cb) { destroyStream(this, err, cb); };
ReadStream.prototype.close = function close(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

// ---- WriteStream ----------------------------------------------------------------------------

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = normalizeOptions(options);
  options.decodeStrings = true;
  if (options.autoDestroy === undefined) options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  this.flags = 'w';
  commonOptions(this, path, options, ['open', 'close']);
  if (options.fs !== undefined && options.fs !== null && !this[kHandle]) {
    const f = options.fs;
    if (typeof f.write !== 'function' && typeof f.writev !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.fs.write', 'function', f.write);
    }
    if (f.write !== undefined && typeof f.write !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.fs.write', 'function', f.write);
    }
    if (f.writev !== undefined && typeof f.writev !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.fs.writev', 'function', f.writev);
    }
    if (typeof f.writev !== 'function') this._writev = null;
    if (typeof f.write !== 'function') this._write = null;
  }
  if (options.flush !== undefined && options.flush !== null) validateBoolean(options.flush, 'options.flush');
  this.flush = !!options.flush;
  this.pos = this.start;
  this.bytesWritten = 0;
  Reflect.apply(Writable, this, [options]);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);
Object.defineProperty(WriteStream.prototype, 'autoClose', {
  get() {
    if (this === null || typeof this !== 'object' || !this._writableState) throw new codes.ERR_INVALID_THIS('WriteStream');
    return this._writableState.autoDestroy;
  },
  set(v) { this._writableState.autoDestroy = v; },
  configurable: true, enumerable: true,
});
Object.defineProperty(WriteStream.prototype, 'pending', {
  get() { return this.fd === null; }, configurable: true,
});
function openWrite() {
  construct(this, this.open, (err) => { if (err) errorOrDestroy(this, err); });
}
WriteStream.prototype.open = openWrite;
WriteStream.prototype._construct = function (callback) { construct(this, openWrite, callback); };
WriteStream.prototype._write = function (data, encoding, cb) {
  this[kIsPerformingIO] = true;
  this[kFs].write(this.fd, data, 0, data.length, this.pos ?? null, (er, bytes) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) { cb(er); this.emit(kIoDone, er); return; }
    if (er) { cb(er); return; }
    this.bytesWritten += bytes;
    cb();
  });
  if (this.pos !== undefined) this.pos += data.length;
};
WriteStream.prototype._writev = function (chunks, cb) {
  const buffers = chunks.map((c) => c.chunk);
  let size = 0;
  for (const b of buffers) size += b.length;
  this[kIsPerformingIO] = true;
  this[kFs].writev(this.fd, buffers, this.pos ?? null, (er, bytes) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) { cb(er); this.emit(kIoDone, er); return; }
    if (er) { cb(er); return; }
    this.bytesWritten += bytes;
    cb();
  });
  if (this.pos !== undefined) this.pos += size;
};
WriteStream.prototype._final = function (cb) {
  if (!this.flush) { cb(); return; }
  this[kFs].fsync(this.fd, (er) => cb(er));
};
WriteStream.prototype._destroy = function (err, cb) { destroyStream(this, err, cb); };
WriteStream.prototype.close = function close(cb) {
  if (cb) {
    if (this.closed) { process.nextTick(cb); return; }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};
WriteStream.prototype.destroySoon = WriteStream.prototype.end;

module.exports = { ReadStream, WriteStream };
