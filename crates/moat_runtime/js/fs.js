'use strict';
// node:fs — the synchronous API and callback forms over it (callbacks settle asynchronously).
// Streams, watchers and the rest are not implemented yet and say so.

const b = internalBinding('fs');
const { codes } = require('internal/errors');
const { thrower } = require('internal/errors');
const { validateInteger } = require('internal/validators');

function toPath(p, name = 'path') {
  if (typeof p === 'string') return p;
  if (p instanceof URL) return require('internal/url').fileURLToPath(p);
  if (p instanceof Uint8Array) return new TextDecoder().decode(p);
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], p);
}
// A read or write position: null or -1 for the current one, else a non-negative integer (a
// bigint may go up to where `length` more bytes still end below 2 ** 63).
function checkedPosition(position, length = 0) {
  if (position === null || position === undefined || position === -1 || position === -1n) return null;
  if (typeof position === 'bigint') {
    const max = 2n ** 63n - 1n - BigInt(length);
    if (position < -1n || position > max) {
      throw new codes.ERR_OUT_OF_RANGE('position', `>= -1 && <= ${max}`, position);
    }
    return Number(position);
  }
  if (typeof position !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('position', ['bigint', 'integer'], position);
  validateInteger(position, 'position', -1);
  return position;
}
function encodingOf(options) {
  if (typeof options === 'string') return options;
  return options && options.encoding ? options.encoding : null;
}

class Stats {
  constructor(a) {
    [this.dev, this.mode, this.nlink, this.uid, this.gid, this.rdev, this.blksize, this.ino, this.size, this.blocks,
      this.atimeMs, this.mtimeMs, this.ctimeMs, this.birthtimeMs] = a;
    this.atime = new Date(this.atimeMs); this.mtime = new Date(this.mtimeMs);
    this.ctime = new Date(this.ctimeMs); this.birthtime = new Date(this.birthtimeMs);
  }
  isFile() { return (this.mode & 0o170000) === 0o100000; }
  isDirectory() { return (this.mode & 0o170000) === 0o040000; }
  isSymbolicLink() { return (this.mode & 0o170000) === 0o120000; }
  isFIFO() { return (this.mode & 0o170000) === 0o010000; }
  isSocket() { return (this.mode & 0o170000) === 0o140000; }
  isCharacterDevice() { return (this.mode & 0o170000) === 0o020000; }
  isBlockDevice() { return (this.mode & 0o170000) === 0o060000; }
}

const fs = {
  // Linux's values, as Node reports them there.
  constants: Object.freeze({
    UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
    UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4,
    UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7, EXTENSIONLESS_FORMAT_JAVASCRIPT: 0,
    EXTENSIONLESS_FORMAT_WASM: 1, S_IFMT: 61440, S_IFREG: 32768, S_IFDIR: 16384, S_IFCHR: 8192,
    S_IFBLK: 24576, S_IFIFO: 4096, S_IFLNK: 40960, S_IFSOCK: 49152, O_CREAT: 64, O_EXCL: 128,
    UV_FS_O_FILEMAP: 0, O_NOCTTY: 256, O_TRUNC: 512, O_APPEND: 1024, O_DIRECTORY: 65536,
    O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672, O_DSYNC: 4096, O_DIRECT: 16384,
    O_NONBLOCK: 2048, S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64, S_IRWXG: 56,
    S_IRGRP: 32, S_IWGRP: 16, S_IXGRP: 8, S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1,
    F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1,
    UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2, UV_FS_COPYFILE_FICLONE_FORCE: 4,
    COPYFILE_FICLONE_FORCE: 4,
  }),
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  Stats,
  // False for anything unusable, but a permission denial is thrown, as Node does.
  existsSync(p) {
    try { return b.exists(toPath(p)); } catch (e) { if (e.code === 'ERR_ACCESS_DENIED') throw e; return false; }
  },
  readFileSync(p, options) {
    // A file descriptor, tested as Node tests it (`>>> 0`, which throws for a BigInt).
    if ((p >>> 0) === p) {
      const chunks = [];
      const buf = new Uint8Array(65536);
      let n;
      while ((n = b.read(p, buf, 0, buf.length, null)) > 0) chunks.push(buf.slice(0, n));
      const all = require('buffer').Buffer.concat(chunks);
      const e = encodingOf(options);
      return e ? all.toString(e) : all;
    }
    const path = toPath(p);
    const enc = encodingOf(options);
    if (enc === 'utf8' || enc === 'utf-8') return b.readFileUtf8(path);
    const { Buffer } = require('buffer');
    const data = Buffer.from(b.readFile(path).buffer);
    return enc ? data.toString(enc) : data;
  },
  writeFileSync(p, data, options) {
    const flag = (options && options.flag) || 'w';
    const mode = (options && options.mode) || 0o666;
    if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
      if (ArrayBuffer.isView(data)) data = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      else throw new codes.ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    b.writeFile(toPath(p), data, flag, mode);
  },
  appendFileSync(p, data, options) { fs.writeFileSync(p, data, { ...(typeof options === 'object' ? options : {}), flag: 'a' }); },
  statSync(p, options) {
    const a = b.stat(toPath(p), true, !(options && options.throwIfNoEntry === false));
    return a ? new Stats(a) : undefined;
  },
  lstatSync(p, options) {
    const a = b.stat(toPath(p), false, !(options && options.throwIfNoEntry === false));
    return a ? new Stats(a) : undefined;
  },
  fstatSync(fd) { return new Stats(b.fstat(fd)); },
  accessSync(p, mode = 0) { b.access(toPath(p), mode); },
  readdirSync(p, options) {
    const flat = b.readdir(toPath(p));
    const withTypes = options && options.withFileTypes;
    const out = [];
    for (let i = 0; i < flat.length; i += 2) {
      if (withTypes) out.push(new Dirent(flat[i], flat[i + 1], toPath(p)));
      else out.push(flat[i]);
    }
    return out;
  },
  mkdirSync(p, options) {
    const recursive = typeof options === 'object' && options !== null && !!options.recursive;
    const mode = typeof options === 'number' ? options : (options && options.mode) || 0o777;
    const first = b.mkdir(toPath(p), recursive, mode);
    return recursive ? (first ?? undefined) : undefined;
  },
  rmdirSync(p) { b.rmdir(toPath(p)); },
  rmSync(p, options) {
    const path = toPath(p);
    if (options && options.force && !b.exists(path)) return;
    b.rm(path, !!(options && options.recursive));
  },
  unlinkSync(p) { b.unlink(toPath(p)); },
  renameSync(a, c) { b.rename(toPath(a, 'oldPath'), toPath(c, 'newPath')); },
  copyFileSync(a, c, mode = 0) { b.copyFile(toPath(a, 'src'), toPath(c, 'dest'), (mode & 1) !== 0); },
  realpathSync(p) { return b.realpath(toPath(p)); },
  readlinkSync(p) { return b.readlink(toPath(p)); },
  symlinkSync(target, p) { b.symlink(toPath(target, 'target'), toPath(p)); },
  linkSync(existing, p) { b.link(toPath(existing, 'existingPath'), toPath(p, 'newPath')); },
  chmodSync(p, mode) { b.chmod(toPath(p), typeof mode === 'string' ? parseInt(mode, 8) : mode); },
  utimesSync(p, atime, mtime) { b.utimes(toPath(p), +atime / (atime instanceof Date ? 1000 : 1), +mtime / (mtime instanceof Date ? 1000 : 1)); },
  openSync(p, flags = 'r', mode = 0o666) { return b.open(toPath(p), typeof flags === 'string' ? flags : 'r', mode); },
  closeSync(fd) { b.close(fd); },
  readSync(fd, buffer, offsetOrOptions, length, position) {
    if (!ArrayBuffer.isView(buffer)) {
      throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
    }
    let offset = offsetOrOptions;
    if (arguments.length <= 3 || (offset !== null && typeof offset === 'object')) {
      const options = offset ?? {};
      if (typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = options);
    }
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    length |= 0;
    const pos = checkedPosition(position, length);
    if (length === 0) return 0;
    if (length < 0) throw new codes.ERR_OUT_OF_RANGE('length', '>= 0', length);
    if (length > buffer.byteLength - offset) {
      throw new codes.ERR_OUT_OF_RANGE('length', `<= ${buffer.byteLength - offset}`, length);
    }
    const view = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    return b.read(fd, view, offset, length, pos);
  },
  writeSync(fd, data, offsetOrPosition, lengthOrEncoding, position) {
    if (typeof data === 'string') return b.write(fd, data, typeof offsetOrPosition === 'number' ? offsetOrPosition : null);
    if (!ArrayBuffer.isView(data)) {
      throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    let offset = offsetOrPosition;
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length: lengthOrEncoding, position = null } = offset);
    }
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (offset > data.byteLength) throw new codes.ERR_OUT_OF_RANGE('offset', `<= ${data.byteLength}`, offset);
    const length = typeof lengthOrEncoding === 'number' ? lengthOrEncoding : data.byteLength - offset;
    if (!Number.isInteger(length)) throw new codes.ERR_OUT_OF_RANGE('length', 'an integer', length);
    if (length < 0) throw new codes.ERR_OUT_OF_RANGE('length', '>= 0', length);
    if (length > data.byteLength - offset) {
      throw new codes.ERR_OUT_OF_RANGE('length', `<= ${data.byteLength - offset}`, length);
    }
    return b.write(fd, new Uint8Array(data.buffer, data.byteOffset + offset, length), checkedPosition(position));
  },
  ftruncateSync(fd, len = 0) { b.ftruncate(fd, len); },
  fsyncSync(fd) { b.fsync(fd); },
  mkdtempSync(prefix) {
    for (;;) {
      const p = prefix + Math.random().toString(36).slice(2, 8);
      try { b.mkdir(p, false, 0o700); return p; } catch (e) { if (e.code !== 'EEXIST') throw e; }
    }
  },
};

class Dirent {
  constructor(name, kind, parentPath) { this.name = name; this.parentPath = parentPath; this.path = parentPath; this._kind = kind; }
  isFile() { return this._kind === 0o100000; }
  isDirectory() { return this._kind === 0o040000; }
  isSymbolicLink() { return this._kind === 0o120000; }
  isFIFO() { return false; } isSocket() { return false; } isCharacterDevice() { return false; } isBlockDevice() { return false; }
}
fs.Dirent = Dirent;

// Callback forms: run the sync operation, deliver the result on a later tick.
const callbackNames = ['readFile', 'writeFile', 'appendFile', 'stat', 'lstat', 'fstat', 'access', 'readdir', 'mkdir', 'rmdir',
  'rm', 'unlink', 'rename', 'copyFile', 'realpath', 'readlink', 'symlink', 'link', 'chmod', 'utimes', 'open', 'close', 'mkdtemp', 'ftruncate', 'fsync'];
const promises = {};
for (const name of callbackNames) {
  const sync = fs[`${name}Sync`];
  fs[name] = function (...args) {
    const cb = args.pop();
    if (typeof cb !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('cb', 'Function', cb);
    let result, error = null;
    try { result = sync(...args); } catch (e) { error = e; }
    process.nextTick(() => (error ? cb(error) : cb(null, result)));
  };
  promises[name] = (...args) => new Promise((resolve, reject) => {
    try { resolve(sync(...args)); } catch (e) { reject(e); }
  });
}
for (const name of ['open', 'opendir', 'cp', 'watch', 'glob', 'chown', 'lchown', 'lutimes', 'truncate', 'statfs', 'lchmod']) {
  promises[name] = thrower(`fs.promises.${name}`);
}
promises.constants = fs.constants;
fs.exists = (p, cb) => { const r = fs.existsSync(p); process.nextTick(() => cb(r)); };
fs.promises = promises;
fs.realpathSync.native = fs.realpathSync;
for (const name of ['createReadStream', 'createWriteStream', 'watch', 'watchFile', 'unwatchFile', 'opendir', 'opendirSync', 'cp', 'cpSync', 'read', 'write', 'glob', 'globSync', 'statfs', 'statfsSync']) {
  fs[name] = thrower(`fs.${name}`);
}
module.exports = fs;
