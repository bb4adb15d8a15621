'use strict';
// fs/promises: the operations of node:fs settling promises, and FileHandle.

const b = internalBinding('fs');
const { codes } = require('internal/errors');
const { validateObject, validateBoolean } = require('internal/validators');
const U = require('internal/fs/utils');
const fs = require('fs');
const ops = fs._ops;
const EventEmitter = require('events');

let BufferCtor;
function Buf() { return BufferCtor ??= require('buffer').Buffer; }

// Checks the arguments now (a bad one rejects), does the work in a later loop turn.
function run(op, args) {
  return new Promise((resolve, reject) => {
    let work;
    try { work = op.apply(undefined, args); } catch (e) { reject(e); return; }
    U.defer(() => {
      try { resolve(work()); } catch (e) { reject(e); }
    });
  });
}
function later() { return new Promise((resolve) => U.defer(resolve)); }

const kFd = Symbol('kFd');
const kClosePromise = Symbol('kClosePromise');
const kRefs = Symbol('kRefs');
const kLocked = Symbol('kLocked');

function closedError(syscall) { return U.uvException('EBADF', syscall); }

class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kFd] = fd;
    this[kClosePromise] = null;
    this[kRefs] = 1;
  }
  get fd() { return this[kFd]; }

  // Runs `op` on this handle's descriptor; a closed handle rejects with EBADF.
  _run(syscall, op, args) {
    if (this[kFd] === -1) return Promise.reject(closedError(syscall));
    return run(op, [this[kFd], ...args]);
  }

  getAsyncId() { return this[kFd]; }
  appendFile(data, options) { return writeFileHandle(this, data, U.getOptions(options, { encoding: 'utf8', flag: 'a' })); }
  chmod(mode) { return this._run('fchmod', ops.fchmod, [mode]); }
  chown(uid, gid) { return this._run('fchown', ops.fchown, [uid, gid]); }
  datasync() { return this._run('fdatasync', ops.fdatasync, []); }
  sync() { return this._run('fsync', ops.fsync, []); }
  stat(options) { return this._run('fstat', ops.fstat, [options]); }
  truncate(len = 0) { return this._run('ftruncate', ops.ftruncate, [len]); }
  utimes(atime, mtime) { return this._run('futime', ops.futimes, [atime, mtime]); }

  async read(bufferOrOptions, offsetOrOptions, length, position) {
    let buffer = bufferOrOptions;
    let offset = offsetOrOptions;
    if (!ArrayBuffer.isView(buffer)) {
      if (buffer !== undefined && buffer !== null) validateObject(buffer, 'options');
      const o = buffer ?? {};
      buffer = o.buffer ?? Buf().alloc(16384);
      offset = o.offset ?? 0;
      length = o.length ?? buffer.byteLength - offset;
      position = o.position ?? null;
    } else if (offset !== null && typeof offset === 'object') {
      const o = offset;
      offset = o.offset ?? 0;
      length = o.length ?? buffer.byteLength - offset;
      position = o.position ?? null;
    }
    if (offset === undefined || offset === null) offset = 0;
    if (length === undefined || length === null) length = buffer.byteLength - offset;
    if (this[kFd] === -1) throw closedError('read');
    const bytesRead = await run(ops.read, [this[kFd], buffer, offset, length, position]);
    return { bytesRead, buffer };
  }
  async readv(buffers, position) {
    if (this[kFd] === -1) throw closedError('read');
    const bytesRead = await run(ops.readv, [this[kFd], buffers, position]);
    return { bytesRead, buffers };
  }
  async write(buffer, offsetOrOptions, length, position) {
    if (this[kFd] === -1) throw closedError('write');
    if (buffer !== null && typeof buffer === 'object' && !ArrayBuffer.isView(buffer)) {
      throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    if (length === undefined && typeof offsetOrOptions !== 'object') {
      const bytesWritten = await run(ops.write, [this[kFd], buffer, offsetOrOptions]);
      return { bytesWritten, buffer };
    }
    const bytesWritten = await run(ops.write, [this[kFd], buffer, offsetOrOptions, length, position]);
    return { bytesWritten, buffer };
  }
  async writev(buffers, position) {
    if (this[kFd] === -1) throw closedError('write');
    const bytesWritten = await run(ops.writev, [this[kFd], buffers, position]);
    return { bytesWritten, buffers };
  }
  readFile(options) {
    options = U.getOptions(options, { flag: 'r' });
    if (this[kFd] === -1) return Promise.reject(closedError('read'));
    return run(ops.readFile, [this[kFd], options]);
  }
  writeFile(data, options) { return writeFileHandle(this, data, U.getOptions(options, { encoding: 'utf8' })); }

  close() {
    if (this[kFd] === -1) return this[kClosePromise] ?? Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];
    const fd = this[kFd];
    this[kClosePromise] = new Promise((resolve, reject) => {
      U.defer(() => {
        try {
          b.close(fd);
          this[kFd] = -1;
          this.emit('close');
          resolve();
        } catch (e) {
          this[kClosePromise] = null;
          reject(e);
        }
      });
    });
    return this[kClosePromise];
  }
  async [Symbol.asyncDispose]() { return this.close(); }

  createReadStream(options = undefined) {
    return fs.createReadStream(undefined, { ...(options || {}), fd: this });
  }
  createWriteStream(options = undefined) {
    return fs.createWriteStream(undefined, { ...(options || {}), fd: this });
  }
  readLines(options = undefined) {
    return require('readline').createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }
  // A byte stream of the file from its current position, read 16 KiB at a time (or into a
  // BYOB reader's view); the handle stays locked, and with `autoClose` closes at the stream's
  // end. Closing the handle cancels the stream.
  readableWebStream(options = undefined) {
    if (this[kFd] === -1 || this[kClosePromise]) throw new codes.ERR_INVALID_STATE('The FileHandle is closed');
    if (this[kLocked]) throw new codes.ERR_INVALID_STATE('The FileHandle is locked');
    // Locked before the options are read, as in Node: a bad option leaves it locked.
    this[kLocked] = true;
    if (options !== undefined) validateObject(options, 'options');
    const autoClose = options?.autoClose ?? false;
    validateBoolean(autoClose, 'options.autoClose');
    if (options?.type !== undefined && options.type !== 'bytes') {
      process.emitWarning('A non-"bytes" options.type has no effect. A byte-oriented steam is always created.',
        'ExperimentalWarning');
    }
    const handle = this;
    const { ReadableStream, readableStreamCancel, streamRecord } = require('internal/webstreams/readablestream');
    const onClose = () => readableStreamCancel(streamRecord(stream), undefined);
    // The handle stays locked once it has made a stream, through its end.
    const finish = () => {
      handle.off('close', onClose);
      if (autoClose) return handle.close();
    };
    const stream = new ReadableStream({
      type: 'bytes',
      autoAllocateChunkSize: 16384,
      async pull(controller) {
        const request = controller.byobRequest;
        const view = request.view;
        const target = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
        const { bytesRead } = await handle.read(target, 0, target.byteLength, null);
        if (bytesRead === 0) {
          await finish();
          controller.close();
          request.respond(0);
        } else {
          request.respond(bytesRead);
        }
      },
      cancel() { return finish(); },
    });
    handle.once('close', onClose);
    return stream;
  }
}

function isIterable(data) {
  return data != null && typeof data === 'object' && !ArrayBuffer.isView(data) &&
    (typeof data[Symbol.asyncIterator] === 'function' || typeof data[Symbol.iterator] === 'function');
}

async function writeIterable(fd, data, encoding, signal) {
  for await (const chunk of data) {
    U.checkAborted(signal);
    const bytes = U.dataBytes(chunk, encoding, 'write');
    await later();
    let off = 0;
    while (off < bytes.byteLength) off += b.write(fd, bytes, off, bytes.byteLength - off, -1);
  }
}

async function writeFileHandle(handle, data, options) {
  if (handle[kFd] === -1) throw closedError('write');
  if (isIterable(data)) return writeIterable(handle[kFd], data, options.encoding, options.signal);
  await run(ops.writeFile, [handle[kFd], data, options]);
}

async function open(path, flags, mode) {
  const fd = await run(ops.open, [path, flags, mode]);
  return new FileHandle(fd);
}

function isHandle(p) { return p instanceof FileHandle; }

async function readFile(path, options) {
  if (isHandle(path)) return path.readFile(options);
  return run(ops.readFile, [path, options]);
}
async function writeFile(path, data, options) {
  options = U.getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  if (isHandle(path)) return writeFileHandle(path, data, options);
  if (isIterable(data)) {
    U.getValidatedPath(path);
    U.checkAborted(options.signal);
    const h = await open(path, options.flag, options.mode);
    try { await writeFileHandle(h, data, options); } finally { await h.close(); }
    return;
  }
  return run(ops.writeFile, [path, data, options]);
}
async function appendFile(path, data, options) {
  options = U.getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  if (!options.flag) options = { ...options, flag: 'a' };
  if (isHandle(path)) return writeFileHandle(path, data, options);
  return run(ops.appendFile, [path, data, options]);
}

const exportsObj = {
  access: (...a) => run(ops.access, a),
  copyFile: (...a) => run(ops.copyFile, a),
  open,
  rename: (...a) => run(ops.rename, a),
  truncate: (...a) => run(ops.truncate, a),
  rmdir: (...a) => run(ops.rmdir, a),
  rm: (...a) => run(ops.rm, a),
  mkdir: (...a) => run(ops.mkdir, a),
  readdir: (...a) => run(ops.readdir, a),
  readlink: (...a) => run(ops.readlink, a),
  symlink: (...a) => run(ops.symlink, a),
  lstat: (...a) => run(ops.lstat, a),
  stat: (...a) => run(ops.stat, a),
  statfs: (...a) => run(ops.statfs, a),
  link: (...a) => run(ops.link, a),
  unlink: (...a) => run(ops.unlink, a),
  chmod: (...a) => run(ops.chmod, a),
  lchown: (...a) => run(ops.lchown, a),
  chown: (...a) => run(ops.chown, a),
  utimes: (...a) => run(ops.utimes, a),
  lutimes: (...a) => run(ops.lutimes, a),
  realpath: (...a) => run(ops.realpath, a),
  mkdtemp: (...a) => run(ops.mkdtemp, a),
  async mkdtempDisposable(prefix, options) {
    const path = await run(ops.mkdtemp, [prefix, options]);
    const full = require('path').resolve(String(path));
    const remove = () => run(ops.rm, [full, { recursive: true, force: true }]);
    return { path, remove, [Symbol.asyncDispose]: remove };
  },
  writeFile,
  appendFile,
  readFile,
  get opendir() { return require('internal/fs/dir').opendirPromise; },
  get cp() { return require('internal/fs/cp').cpPromise; },
  get glob() { return require('internal/fs/glob').globPromise; },
  get watch() { return require('internal/fs/watch').watchPromise; },
  constants: fs.constants,
};
// Names as Node's are, for stack traces and inspection.
for (const [k, v] of Object.entries(exportsObj)) {
  if (typeof v === 'function' && v.name !== k) Object.defineProperty(v, 'name', { value: k });
}

module.exports = { exports: exportsObj, FileHandle, kFd, run };
