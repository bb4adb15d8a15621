'use strict';
// node:fs. Each operation is written once, as a function that checks its arguments (throwing
// Node's ERR_* errors at once) and returns the work to do; the sync form runs that work now,
// the callback form in a later loop turn, delivering the result or the OS error to the
// callback, and fs/promises likewise through a promise.

const b = internalBinding('fs');
const { codes } = require('internal/errors');
const { validateInteger, validateBoolean, validateFunction, validateInt32, validateObject, validateUint32,
  validateOneOf } = require('internal/validators');
const U = require('internal/fs/utils');
const { getValidatedPath, getValidatedFd, stringToFlags, parseFileMode, getOptions, toUnixTimestamp,
  validateBufferArg, asBytes, dataBytes, validatePosition, makeStats, Dirent, direntType, kType, uvException, O } = U;

let BufferCtor;
function Buf() { return BufferCtor ??= require('buffer').Buffer; }
function pathModule() { return require('path'); }

const constants = Object.freeze({ __proto__: null,
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  S_IFMT: 61440, S_IFREG: 32768, S_IFDIR: 16384, S_IFCHR: 8192,
  S_IFBLK: 24576, S_IFIFO: 4096, S_IFLNK: 40960, S_IFSOCK: 49152, O_CREAT: 64, O_EXCL: 128,
  UV_FS_O_FILEMAP: 0, O_NOCTTY: 256, O_TRUNC: 512, O_APPEND: 1024, O_DIRECTORY: 65536,
  O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672, O_DSYNC: 4096, O_DIRECT: 16384,
  O_NONBLOCK: 2048, S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64, S_IRWXG: 56,
  S_IRGRP: 32, S_IWGRP: 16, S_IXGRP: 8, S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2, UV_FS_COPYFILE_FICLONE_FORCE: 4,
  COPYFILE_FICLONE_FORCE: 4,
});

function encodeResult(s, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return s;
  const buf = Buf().from(s);
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

function validateMode(mode, def) {
  mode = parseFileMode(mode, 'mode', def);
  return mode;
}
function validateAccessMode(mode) {
  if (mode === undefined || mode === null) return 0;
  validateInteger(mode, 'mode', 0, 7);
  return mode;
}

// ---- the operations: each checks its arguments and returns its work -------------------------

const ops = {};

ops.access = (path, mode) => {
  path = getValidatedPath(path); mode = validateAccessMode(mode);
  return () => b.access(path, mode);
};
let warnedExists = false;
ops.exists = (path) => {
  try { path = getValidatedPath(path); } catch (e) {
    if (e.code === 'ERR_INVALID_ARG_TYPE' && !warnedExists) {
      warnedExists = true;
      process.emitWarning('Passing invalid argument types to fs.existsSync is deprecated', 'DeprecationWarning', 'DEP0187');
    }
    return () => false;
  }
  return () => {
    try { return b.exists(path); } catch (e) { if (e.code === 'ERR_ACCESS_DENIED') throw e; return false; }
  };
};

ops.open = (path, flags, mode) => {
  path = getValidatedPath(path);
  const f = stringToFlags(flags);
  mode = validateMode(mode, 0o666);
  return () => b.open(path, f, mode);
};
ops.close = (fd) => { fd = getValidatedFd(fd); return () => b.close(fd); };

function readAllFd(fd) {
  const chunks = [];
  let total = 0;
  let size = 0;
  try { size = b.fstat(fd, false)[8]; } catch { size = 0; }
  if (size > U.kMaxLength) throw new codes.ERR_FS_FILE_TOO_LARGE(size);
  let chunk = Buf().allocUnsafe(size > 0 ? Math.min(size + 1, U.kMaxLength) : 8192);
  for (;;) {
    const n = b.read(fd, chunk, 0, chunk.length, -1);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > U.kMaxLength) throw new codes.ERR_FS_FILE_TOO_LARGE(total);
    chunk = Buf().allocUnsafe(Math.max(8192, chunk.length));
  }
  return chunks.length === 1 ? chunks[0] : Buf().concat(chunks, total);
}
function isFd(p) { return typeof p === 'number' && p === (p >>> 0); }

ops.readFile = (path, options) => {
  options = getOptions(options, { flag: 'r' });
  const encoding = options.encoding;
  const signal = options.signal;
  const fd = isFd(path) ? path : undefined;
  if (fd === undefined) path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  return () => {
    U.checkAborted(signal);
    let data;
    if (fd !== undefined) data = readAllFd(fd);
    else if (flags === O.O_RDONLY) {
      const raw = b.readFile(path);
      data = Buf().from(raw.buffer, raw.byteOffset, raw.byteLength);
    } else {
      const h = b.open(path, flags, 0o666);
      try { data = readAllFd(h); } finally { b.close(h); }
    }
    return encoding && encoding !== 'buffer' ? data.toString(encoding) : data;
  };
};

function writeAllFd(fd, bytes, position) {
  let off = 0;
  while (off < bytes.byteLength) {
    const n = b.write(fd, bytes, off, bytes.byteLength - off, position);
    off += n;
    if (position >= 0) position += n;
  }
}
function writeFileOp(defFlag) {
  return (path, data, options) => {
    options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: defFlag });
    const fd = isFd(path) ? path : undefined;
    if (fd === undefined) path = getValidatedPath(path);
    const bytes = dataBytes(data, options.encoding === 'buffer' ? 'utf8' : options.encoding);
    const flags = stringToFlags(options.flag || defFlag);
    const mode = parseFileMode(options.mode, 'mode', 0o666);
    const signal = options.signal;
    return () => {
      U.checkAborted(signal);
      if (fd !== undefined) return writeAllFd(fd, bytes, -1);
      const h = b.open(path, flags, mode);
      try { writeAllFd(h, bytes, -1); } finally { b.close(h); }
    };
  };
}
ops.writeFile = writeFileOp('w');
ops.appendFile = (path, data, options) => {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  if (!options.flag || isFd(path)) options = { ...options, flag: 'a' };
  return ops.writeFile(path, data, options);
};

function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw new codes.ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new codes.ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) throw new codes.ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
}
function readArgs(nargs, fd, buffer, offsetOrOptions, length, position) {
  validateBufferArg(buffer);
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (nargs <= 3 || (typeof offsetOrOptions === 'object' && offsetOrOptions !== null)) {
    if (offsetOrOptions !== undefined && offsetOrOptions !== null) validateObject(offsetOrOptions, 'options');
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
  }
  if (offset === undefined || offset === null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) return { fd, n: 0 };
  if (buffer.byteLength === 0) throw new codes.ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  const pos = validatePosition(position, 'position', length);
  return { fd, bytes: asBytes(buffer), offset, length, pos };
}
ops.read = function (fd, buffer, offsetOrOptions, length, position) {
  const a = readArgs(arguments.length, fd, buffer, offsetOrOptions, length, position);
  return () => (a.n === 0 ? 0 : b.read(a.fd, a.bytes, a.offset, a.length, a.pos));
};

function writeArgs(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  if (ArrayBuffer.isView(buffer)) {
    let offset = offsetOrOptions;
    if (typeof offset === 'object' && offset !== null) {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    if (offset === undefined || offset === null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    if (offset > buffer.byteLength) throw new codes.ERR_OUT_OF_RANGE('offset', `<= ${buffer.byteLength}`, offset);
    if (length > buffer.byteLength - offset) {
      throw new codes.ERR_OUT_OF_RANGE('length', `<= ${buffer.byteLength - offset}`, length);
    }
    if (length < 0) throw new codes.ERR_OUT_OF_RANGE('length', '>= 0', length);
    validateInt32(length, 'length', 0);
    return { fd, bytes: asBytes(buffer), offset, length, pos: position === null ? -1 : validatePosition(position) };
  }
  if (typeof buffer !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  const encoding = typeof length === 'string' ? length : 'utf8';
  U.assertEncoding(encoding);
  const bytes = Buf().from(buffer, encoding);
  const pos = typeof offsetOrOptions === 'number' ? validatePosition(offsetOrOptions) : -1;
  return { fd, bytes, offset: 0, length: bytes.byteLength, pos };
}
ops.write = (fd, buffer, offsetOrOptions, length, position) => {
  const a = writeArgs(fd, buffer, offsetOrOptions, length, position);
  return () => b.write(a.fd, a.bytes, a.offset, a.length, a.pos);
};

function validateBuffers(buffers) {
  if (!Array.isArray(buffers) || !buffers.every((x) => ArrayBuffer.isView(x))) {
    throw new codes.ERR_INVALID_ARG_TYPE('buffers', 'ArrayBufferView[]', buffers);
  }
}
ops.readv = (fd, buffers, position) => {
  fd = getValidatedFd(fd);
  validateBuffers(buffers);
  let pos = typeof position === 'number' ? validatePosition(position) : -1;
  return () => {
    let total = 0;
    for (const buf of buffers) {
      if (buf.byteLength === 0) continue;
      const n = b.read(fd, asBytes(buf), 0, buf.byteLength, pos);
      total += n;
      if (pos >= 0) pos += n;
      if (n < buf.byteLength) break;
    }
    return total;
  };
};
ops.writev = (fd, buffers, position) => {
  fd = getValidatedFd(fd);
  validateBuffers(buffers);
  let pos = typeof position === 'number' ? validatePosition(position) : -1;
  return () => {
    let total = 0;
    for (const buf of buffers) {
      const bytes = asBytes(buf);
      writeAllFd(fd, bytes, pos);
      total += bytes.byteLength;
      if (pos >= 0) pos += bytes.byteLength;
    }
    return total;
  };
};

function statOptions(options) {
  if (options === undefined || options === null || typeof options === 'function') return { bigint: false, throwIfNoEntry: true };
  return { bigint: !!options.bigint, throwIfNoEntry: options.throwIfNoEntry !== false };
}
function statPath(path, follow, o) {
  try {
    return makeStats(b.stat(path, follow, true), o.bigint);
  } catch (e) {
    if (!o.throwIfNoEntry && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return undefined;
    throw e;
  }
}
ops.stat = (path, options) => {
  path = getValidatedPath(path); const o = statOptions(options);
  return () => statPath(path, true, o);
};
ops.lstat = (path, options) => {
  path = getValidatedPath(path); const o = statOptions(options);
  return () => statPath(path, false, o);
};
ops.fstat = (fd, options) => {
  fd = getValidatedFd(fd); const o = statOptions(options);
  return () => makeStats(b.fstat(fd), o.bigint);
};
ops.statfs = (path, options) => {
  path = getValidatedPath(path); const bigint = !!(options && options.bigint);
  return () => {
    const a = b.statfs(path).map((n) => (bigint ? BigInt(n) : n));
    return new StatFs(...a);
  };
};
class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type; this.bsize = bsize; this.blocks = blocks; this.bfree = bfree;
    this.bavail = bavail; this.files = files; this.ffree = ffree;
  }
}

ops.ftruncate = (fd, len = 0) => {
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  len = Math.max(0, len);
  return () => b.ftruncate(fd, len);
};
ops.truncate = (path, len = 0) => {
  if (isFd(path)) return ops.ftruncate(path, len);
  path = getValidatedPath(path);
  validateInteger(len, 'len');
  len = Math.max(0, len);
  return () => {
    const fd = b.open(path, O.O_RDWR, 0o666);
    try { b.ftruncate(fd, len); } finally { b.close(fd); }
  };
};
ops.fsync = (fd) => { fd = getValidatedFd(fd); return () => b.fsync(fd, false); };
ops.fdatasync = (fd) => { fd = getValidatedFd(fd); return () => b.fsync(fd, true); };

function readdirRecursive(root, withTypes, encoding) {
  const out = [];
  const queue = [root];
  while (queue.length > 0) {
    const dir = queue.shift();
    const [names, kinds] = b.readdir(dir);
    const rel = pathModule().relative(root, dir);
    for (let i = 0; i < names.length; i++) {
      const type = direntType(kinds[i]);
      const full = pathModule().join(dir, names[i]);
      if (withTypes) out.push(new Dirent(encodeResult(names[i], encoding), type, dir));
      else out.push(encodeResult(rel ? pathModule().join(rel, names[i]) : names[i], encoding));
      let isDir = type === 2;
      if (type === 0) { try { isDir = (b.stat(full, false, true)[1] & 0o170000) === 0o040000; } catch { isDir = false; } }
      if (isDir) queue.push(full);
    }
  }
  return out;
}
ops.readdir = (path, options) => {
  path = getValidatedPath(path);
  options = getOptions(options);
  const withTypes = !!options.withFileTypes;
  const encoding = options.encoding;
  if (options.recursive !== undefined && options.recursive !== null) validateBoolean(options.recursive, 'options.recursive');
  return () => {
    if (options.recursive) return readdirRecursive(path, withTypes, encoding);
    const plain = !encoding || encoding === 'utf8';
    if (withTypes && plain) return b.readdirDirents(path, Dirent.prototype, kType);
    const [names, kinds] = b.readdir(path);
    if (withTypes) {
      const out = new Array(names.length);
      for (let i = 0; i < names.length; i++) {
        out[i] = new Dirent(plain ? names[i] : encodeResult(names[i], encoding), direntType(kinds[i]), path);
      }
      return out;
    }
    return plain ? names : names.map((n) => encodeResult(n, encoding));
  };
};

ops.mkdir = (path, options) => {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') mode = parseFileMode(options, 'mode');
  else if (options !== undefined && options !== null) {
    if (options.recursive !== undefined) { recursive = options.recursive; validateBoolean(recursive, 'options.recursive'); }
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'options.mode');
  }
  path = getValidatedPath(path);
  return () => {
    const first = b.mkdir(path, recursive, mode);
    return recursive ? (first ?? undefined) : undefined;
  };
};

let warnedMkdtempX = false;
const tmpChars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
ops.mkdtemp = (prefix, options) => {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  if (prefix.endsWith('X') && !warnedMkdtempX) {
    warnedMkdtempX = true;
    process.emitWarning('mkdtemp() templates ending with X are not portable. For details see: https://nodejs.org/api/fs.html');
  }
  return () => {
    for (let tries = 0; ; tries++) {
      let suffix = '';
      for (let i = 0; i < 6; i++) suffix += tmpChars[Math.floor(Math.random() * tmpChars.length)];
      const p = prefix + suffix;
      try {
        b.mkdir(p, false, 0o700);
        return encodeResult(p, options.encoding);
      } catch (e) {
        if (e.code === 'EEXIST' && tries < 100) continue;
        if (e.code === 'ERR_ACCESS_DENIED') throw e;
        throw uvException(e.code, 'mkdtemp', `${prefix}XXXXXX`);
      }
    }
  };
};

ops.rmdir = (path, options) => {
  path = getValidatedPath(path);
  if (options !== undefined && options !== null) {
    validateObject(options, 'options');
    if (options.recursive !== undefined) {
      const { emitWarning } = process;
      if (options.recursive) {
        throw new codes.ERR_INVALID_ARG_VALUE('options.recursive', options.recursive,
          'is no longer supported. Use fs.rm(path, { recursive: true }) instead');
      }
      void emitWarning;
    }
  }
  return () => b.rmdir(path);
};

function validateRmOptions(path, options) {
  options = options ?? {};
  validateObject(options, 'options');
  const force = options.force ?? false;
  const recursive = options.recursive ?? false;
  validateBoolean(force, 'options.force');
  validateBoolean(recursive, 'options.recursive');
  const maxRetries = options.maxRetries ?? 0;
  const retryDelay = options.retryDelay ?? 100;
  validateInt32(maxRetries, 'options.maxRetries', 0);
  validateUint32(retryDelay, 'options.retryDelay');
  return { force, recursive, maxRetries, retryDelay };
}
ops.rm = (path, options) => {
  path = getValidatedPath(path);
  const o = validateRmOptions(path, options);
  return () => {
    // With `recursive` the tree goes in one call, which needs only the write grant, as Node's
    // rm does; otherwise what the path is decides between unlink and Node's EISDIR error.
    if (o.recursive) {
      try {
        b.rmTree(path);
      } catch (e) {
        if (e.code === 'ENOTDIR') b.unlink(path);
        else if (!(e.code === 'ENOENT' && o.force)) throw e;
      }
      return;
    }
    let st;
    try { st = b.stat(path, false, true); } catch (e) {
      if (e.code === 'ENOENT' && o.force) return;
      throw e;
    }
    if ((st[1] & 0o170000) === 0o040000) {
      throw U.systemError('ERR_FS_EISDIR', 'Path is a directory', 'EISDIR', 'rm', 'is a directory', path);
    }
    b.unlink(path);
  };
};
ops.unlink = (path) => { path = getValidatedPath(path); return () => b.unlink(path); };
ops.rename = (oldPath, newPath) => {
  oldPath = getValidatedPath(oldPath, 'oldPath'); newPath = getValidatedPath(newPath, 'newPath');
  return () => b.rename(oldPath, newPath);
};
ops.copyFile = (src, dest, mode) => {
  src = getValidatedPath(src, 'src'); dest = getValidatedPath(dest, 'dest');
  if (mode === undefined || mode === null || typeof mode === 'function') mode = 0;
  else validateInteger(mode, 'mode', 0, 7);
  return () => {
    if (mode & 4) throw uvException('ENOSYS', 'copyfile', src, dest);
    b.copyFile(src, dest, (mode & 1) !== 0);
  };
};
ops.link = (existingPath, newPath) => {
  existingPath = getValidatedPath(existingPath, 'existingPath'); newPath = getValidatedPath(newPath, 'newPath');
  return () => b.link(existingPath, newPath);
};
ops.symlink = (target, path, type) => {
  validateOneOf(type, 'type', ['dir', 'file', 'junction', null, undefined]);
  target = getValidatedPath(target, 'target'); path = getValidatedPath(path);
  return () => b.symlink(target, path);
};
ops.readlink = (path, options) => {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  return () => encodeResult(b.readlink(path), options.encoding);
};

// realpath as Node's JS one answers errors: from the lstat of the first part that fails.
function realpathErr(path, e) {
  if (e.syscall !== 'realpath') return e;
  const p = pathModule().resolve(path);
  const parts = p.split('/').filter(Boolean);
  let cur = '';
  for (const part of parts) {
    cur += `/${part}`;
    try { b.stat(cur, false, true); } catch (err) { return err; }
  }
  return uvException(e.code, 'lstat', path);
}
ops.realpath = (path, options) => {
  options = getOptions(options);
  path = getValidatedPath(path);
  return () => {
    try { return encodeResult(b.realpath(path), options.encoding); } catch (e) { throw realpathErr(path, e); }
  };
};
ops.realpathNative = (path, options) => {
  options = getOptions(options);
  path = getValidatedPath(path);
  return () => encodeResult(b.realpath(path), options.encoding);
};

ops.chmod = (path, mode) => {
  path = getValidatedPath(path); mode = parseFileMode(mode, 'mode');
  return () => b.chmod(path, mode);
};
ops.fchmod = (fd, mode) => {
  fd = getValidatedFd(fd); mode = parseFileMode(mode, 'mode');
  return () => b.fchmod(fd, mode);
};
function validateId(id, name) { validateInteger(id, name, -1, 4294967295); return id >>> 0; }
ops.chown = (path, uid, gid) => {
  path = getValidatedPath(path); uid = validateId(uid, 'uid'); gid = validateId(gid, 'gid');
  return () => b.chown(path, uid, gid, true);
};
ops.lchown = (path, uid, gid) => {
  path = getValidatedPath(path); uid = validateId(uid, 'uid'); gid = validateId(gid, 'gid');
  return () => b.chown(path, uid, gid, false);
};
ops.fchown = (fd, uid, gid) => {
  fd = getValidatedFd(fd); uid = validateId(uid, 'uid'); gid = validateId(gid, 'gid');
  return () => b.fchown(fd, uid, gid);
};
ops.utimes = (path, atime, mtime) => {
  path = getValidatedPath(path);
  const a = toUnixTimestamp(atime, 'atime'), m = toUnixTimestamp(mtime, 'mtime');
  return () => b.utimes(path, a, m, true);
};
ops.lutimes = (path, atime, mtime) => {
  path = getValidatedPath(path);
  const a = toUnixTimestamp(atime, 'atime'), m = toUnixTimestamp(mtime, 'mtime');
  return () => b.utimes(path, a, m, false);
};
ops.futimes = (fd, atime, mtime) => {
  fd = getValidatedFd(fd);
  const a = toUnixTimestamp(atime, 'atime'), m = toUnixTimestamp(mtime, 'mtime');
  return () => b.futimes(fd, a, m);
};

// ---- the three forms ------------------------------------------------------------------------

// Errors of the arguments are thrown; those of the work (the OS's, ERR_FS_*) are delivered.
function deliverable(e) {
  return e === null || typeof e !== 'object' || typeof e.code !== 'string' || !e.code.startsWith('ERR_') ||
    e.code.startsWith('ERR_FS_') || e.code === 'ABORT_ERR';
}

function syncForm(name) {
  const op = ops[name];
  return function (...args) { return op.apply(undefined, args)(); };
}

// Operations whose callback Node checks before the other arguments, and the position of the
// callback parameter it checks (a negative one: Node takes the options before it instead when
// that parameter is missing, as `callback ||= options` does).
const callbackFirst = new Map([['readFile', -2], ['writeFile', -3], ['appendFile', -3], ['stat', 2], ['lstat', 2],
  ['fstat', 2], ['statfs', 2], ['readdir', 2], ['readlink', 2], ['link', 2], ['unlink', 1], ['utimes', 3],
  ['lutimes', 3], ['realpath', 2], ['realpathNative', 2], ['mkdtemp', 2], ['mkdir', 2], ['rename', 2]]);

// The callback is the last argument when it is a function; a result of undefined is not passed.
function callbackForm(name) {
  const op = ops[name];
  const at = callbackFirst.get(name);
  return function (...args) {
    let cb;
    if (args.length > 0 && typeof args[args.length - 1] === 'function') cb = args.pop();
    else if (at !== undefined) validateFunction(at < 0 ? (args[-at] || args[-at - 1]) : args[at], 'cb');
    const work = op.apply(undefined, args);
    validateFunction(cb, 'cb');
    U.defer(() => {
      let result;
      try { result = work(); } catch (e) { cb(e); return; }
      if (result === undefined) cb(null);
      else cb(null, result);
    });
  };
}

const fs = { constants, F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 };
const plain = ['access', 'open', 'close', 'readFile', 'writeFile', 'appendFile', 'readv', 'writev', 'stat', 'lstat',
  'fstat', 'statfs', 'ftruncate', 'truncate', 'fsync', 'fdatasync', 'readdir', 'mkdir', 'mkdtemp', 'rmdir', 'rm',
  'unlink', 'rename', 'copyFile', 'link', 'symlink', 'readlink', 'realpath', 'chmod', 'fchmod', 'chown', 'lchown',
  'fchown', 'utimes', 'lutimes', 'futimes'];
for (const name of plain) {
  fs[`${name}Sync`] = syncForm(name);
  fs[name] = callbackForm(name);
}
fs.existsSync = syncForm('exists');
// close's callback may be left out: an error is then thrown from the loop.
fs.close = function close(fd, callback = (err) => { if (err) throw err; }) {
  const work = ops.close(fd);
  validateFunction(callback, 'cb');
  U.defer(() => {
    try { work(); } catch (e) { callback(e); return; }
    callback(null);
  });
};
fs._toUnixTimestamp = toUnixTimestamp;
fs.mkdtempDisposableSync = function mkdtempDisposableSync(prefix, options) {
  const path = fs.mkdtempSync(prefix, options);
  const full = pathModule().resolve(String(path));
  const remove = () => fs.rmSync(full, { recursive: true, force: true });
  return { path, remove, [Symbol.dispose]: remove };
};
fs.readSync = function readSync(...args) { return ops.read.apply(undefined, args)(); };
fs.writeSync = syncForm('write');
fs.realpathSync.native = syncForm('realpathNative');
fs.realpath.native = callbackForm('realpathNative');

// Overloads of the callback forms whose results are more than one value.
fs.read = function read(fd, buffer, offsetOrOptions, length, position, callback) {
  // The descriptor is checked first, as in Node.
  U.getValidatedFd(fd);
  const args = [...arguments];
  const cb = args.pop();
  validateFunction(cb, 'cb');
  let work;
  let buf;
  if (args.length === 1 || (args.length === 2 && !ArrayBuffer.isView(args[1]))) {
    const options = args[1] ?? {};
    if (args.length === 2) validateObject(options, 'options', { nullable: true });
    ({ buffer: buf = Buf().alloc(16384) } = options);
    validateBufferArg(buf);
    const { offset = 0, length: len = buf.byteLength - offset, position: pos = null } = options;
    work = ops.read(fd, buf, offset, len, pos);
  } else {
    buf = args[1];
    work = ops.read.apply(undefined, args);
  }
  U.defer(() => {
    let n;
    try { n = work(); } catch (e) { cb(e); return; }
    cb(null, n, buf);
  });
};
fs.write = function write(...args) {
  const cb = args.pop();
  validateFunction(cb, 'cb');
  const work = ops.write.apply(undefined, args);
  U.defer(() => {
    let n;
    try { n = work(); } catch (e) { cb(e); return; }
    cb(null, n, args[1]);
  });
};
for (const name of ['readv', 'writev']) {
  fs[name] = function (fd, buffers, position, cb) {
    if (typeof position === 'function') { cb = position; position = null; }
    validateFunction(cb, 'cb');
    const work = ops[name](fd, buffers, position);
    U.defer(() => {
      let n;
      try { n = work(); } catch (e) { cb(e); return; }
      cb(null, n, buffers);
    });
  };
}
fs.exists = function exists(path, cb) {
  validateFunction(cb, 'cb');
  const work = ops.exists(path);
  U.defer(() => {
    let r = false;
    try { r = work(); } catch { r = false; }
    cb(r);
  });
};
Object.defineProperty(fs.exists, Symbol.for('nodejs.util.promisify.custom'), {
  configurable: true, enumerable: false,
  value: function exists(path) { return new Promise((resolve) => fs.exists(path, resolve)); },
});
Object.defineProperty(fs.read, Symbol.for('nodejs.util.promisify.custom'), {
  configurable: true, enumerable: false,
  value: function read(...args) {
    return new Promise((resolve, reject) => {
      fs.read(...args, (err, bytesRead, buffer) => (err ? reject(err) : resolve({ bytesRead, buffer })));
    });
  },
});
Object.defineProperty(fs.write, Symbol.for('nodejs.util.promisify.custom'), {
  configurable: true, enumerable: false,
  value: function write(...args) {
    return new Promise((resolve, reject) => {
      fs.write(...args, (err, bytesWritten, buffer) => (err ? reject(err) : resolve({ bytesWritten, buffer })));
    });
  },
});
for (const name of ['readv', 'writev']) {
  Object.defineProperty(fs[name], Symbol.for('nodejs.util.promisify.custom'), {
    configurable: true, enumerable: false,
    value: Object.defineProperty((...args) => new Promise((resolve, reject) => {
      fs[name](...args, (err, n, buffers) => (err ? reject(err) : resolve(name === 'readv'
        ? { bytesRead: n, buffers } : { bytesWritten: n, buffers })));
    }), 'name', { value: name }),
  });
}

// Programs making Stats themselves are warned once (DEP0180).
let warnedStats = false;
fs.Stats = function Stats(...args) {
  if (!warnedStats) {
    warnedStats = true;
    process.emitWarning('fs.Stats constructor is deprecated.', 'DeprecationWarning', 'DEP0180');
  }
  return Reflect.construct(U.Stats, args, new.target === undefined ? U.Stats : new.target);
};
fs.Stats.prototype = U.Stats.prototype;
fs.Dirent = Dirent;

// ---- the parts in files of their own, loaded when first used --------------------------------

function lazy(name, load) {
  Object.defineProperty(fs, name, {
    configurable: true, enumerable: true,
    get() { const v = load(); Object.defineProperty(fs, name, { value: v, writable: true, configurable: true, enumerable: true }); return v; },
    set(v) { Object.defineProperty(fs, name, { value: v, writable: true, configurable: true, enumerable: true }); },
  });
}
lazy('promises', () => require('internal/fs/promises').exports);
lazy('Dir', () => require('internal/fs/dir').Dir);
lazy('opendir', () => require('internal/fs/dir').opendir);
lazy('opendirSync', () => require('internal/fs/dir').opendirSync);
lazy('cp', () => require('internal/fs/cp').cp);
lazy('cpSync', () => require('internal/fs/cp').cpSync);
lazy('glob', () => require('internal/fs/glob').glob);
lazy('globSync', () => require('internal/fs/glob').globSync);
lazy('ReadStream', () => require('internal/fs/streams').ReadStream);
lazy('WriteStream', () => require('internal/fs/streams').WriteStream);
lazy('FileReadStream', () => require('internal/fs/streams').ReadStream);
lazy('FileWriteStream', () => require('internal/fs/streams').WriteStream);
fs.createReadStream = function createReadStream(path, options) {
  return new (require('internal/fs/streams').ReadStream)(path, options);
};
fs.createWriteStream = function createWriteStream(path, options) {
  return new (require('internal/fs/streams').WriteStream)(path, options);
};
lazy('watch', () => require('internal/fs/watch').watch);
lazy('watchFile', () => require('internal/fs/watch').watchFile);
lazy('unwatchFile', () => require('internal/fs/watch').unwatchFile);

fs._ops = ops;
Object.defineProperty(fs, '_ops', { enumerable: false });
module.exports = fs;
