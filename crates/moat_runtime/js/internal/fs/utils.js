'use strict';
// What the fs APIs share: argument checks with Node's errors, flags and modes, Stats and
// Dirent, errors built in JS (uv errors and SystemErrors), and the deferral that gives callbacks
// and promises their asynchronous timing.

const { codes } = require('internal/errors');
const { validateInt32, validateUint32, validateFunction, validateObject, validateAbortSignal } = require('internal/validators');
const { normalizeEncoding } = require('internal/util/encoding_name');

const kMaxLength = 2 ** 31 - 1;

// ---- errors ---------------------------------------------------------------------------------

let uvTable;
function uvInfo(code) {
  if (uvTable === undefined) {
    uvTable = new Map();
    for (const [errno, name, message] of internalBinding('util').uvErrors) uvTable.set(name, [errno, message]);
  }
  return uvTable.get(code) || [-5, 'i/o error'];
}

// An error as the Rust half throws them: `CODE: description, syscall 'path' -> 'dest'`.
function uvException(code, syscall, path, dest) {
  const [errno, desc] = uvInfo(code);
  let message = `${code}: ${desc}, ${syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  const err = new Error(message);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  if (path !== undefined) err.path = path;
  if (dest !== undefined) err.dest = dest;
  return err;
}

// Node's SystemError: `<prefix>: <syscall> returned <CODE> (<message>) <path>[ => <dest>]`,
// with its fields in `info` and mirrored as properties.
class SystemError extends Error {
  constructor(key, prefix, context) {
    let message = `${prefix}: ${context.syscall} returned ${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    super(message);
    Object.defineProperty(this, 'name', { value: 'SystemError', writable: true, configurable: true, enumerable: false });
    this.code = key;
    const info = { ...context };
    Object.defineProperty(this, 'info', { value: info, enumerable: true, configurable: true, writable: false });
    for (const k of ['errno', 'syscall', 'path', 'dest']) {
      if (info[k] === undefined) continue;
      Object.defineProperty(this, k, {
        enumerable: true, configurable: true,
        get() { return info[k]; }, set(v) { info[k] = v; },
      });
    }
  }
  toString() { return `${this.name} [${this.code}]: ${this.message}`; }
}
function systemError(key, prefix, code, syscall, message, path, dest) {
  const [errno] = uvInfo(code);
  return new SystemError(key, prefix, { errno: -errno, code, message, syscall, path, dest });
}

// ---- arguments ------------------------------------------------------------------------------

function toPathString(p) {
  if (typeof p === 'string') return p;
  if (p instanceof Uint8Array) return require('buffer').Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString('utf8');
  return p;
}

// A path argument as a string: a string, a Buffer/Uint8Array, or a file: URL; never with a NUL.
function getValidatedPath(p, name = 'path') {
  if (p != null && typeof p === 'object' && !(p instanceof Uint8Array) && p.href !== undefined && p.protocol !== undefined) {
    if (p.protocol !== 'file:') throw new codes.ERR_INVALID_URL_SCHEME('file');
    p = require('internal/url').fileURLToPath(p);
  } else if (typeof p !== 'string' && !(p instanceof Uint8Array)) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], p);
  }
  const s = toPathString(p);
  if (s.includes('\u0000')) {
    throw new codes.ERR_INVALID_ARG_VALUE(name, p, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return s;
}

function getValidatedFd(fd, name = 'fd') {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, name, 0);
  return fd;
}

const O = {
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 64, O_EXCL: 128, O_NOCTTY: 256, O_TRUNC: 512,
  O_APPEND: 1024, O_DIRECTORY: 65536, O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672,
  O_DSYNC: 4096, O_DIRECT: 16384, O_NONBLOCK: 2048,
};
const flagTable = {
  r: O.O_RDONLY, rs: O.O_RDONLY | O.O_SYNC, sr: O.O_RDONLY | O.O_SYNC,
  'r+': O.O_RDWR, 'rs+': O.O_RDWR | O.O_SYNC, 'sr+': O.O_RDWR | O.O_SYNC,
  w: O.O_TRUNC | O.O_CREAT | O.O_WRONLY, wx: O.O_TRUNC | O.O_CREAT | O.O_WRONLY | O.O_EXCL,
  xw: O.O_TRUNC | O.O_CREAT | O.O_WRONLY | O.O_EXCL,
  'w+': O.O_TRUNC | O.O_CREAT | O.O_RDWR, 'wx+': O.O_TRUNC | O.O_CREAT | O.O_RDWR | O.O_EXCL,
  'xw+': O.O_TRUNC | O.O_CREAT | O.O_RDWR | O.O_EXCL,
  a: O.O_APPEND | O.O_CREAT | O.O_WRONLY, ax: O.O_APPEND | O.O_CREAT | O.O_WRONLY | O.O_EXCL,
  xa: O.O_APPEND | O.O_CREAT | O.O_WRONLY | O.O_EXCL, as: O.O_APPEND | O.O_CREAT | O.O_WRONLY | O.O_SYNC,
  sa: O.O_APPEND | O.O_CREAT | O.O_WRONLY | O.O_SYNC,
  'a+': O.O_APPEND | O.O_CREAT | O.O_RDWR, 'ax+': O.O_APPEND | O.O_CREAT | O.O_RDWR | O.O_EXCL,
  'xa+': O.O_APPEND | O.O_CREAT | O.O_RDWR | O.O_EXCL, 'as+': O.O_APPEND | O.O_CREAT | O.O_RDWR | O.O_SYNC,
  'sa+': O.O_APPEND | O.O_CREAT | O.O_RDWR | O.O_SYNC,
};
function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') { validateInt32(flags, name); return flags; }
  if (flags == null) return O.O_RDONLY;
  if (Object.prototype.hasOwnProperty.call(flagTable, flags)) return flagTable[flags];
  throw new codes.ERR_INVALID_ARG_VALUE(name, flags);
}

const octal = /^[0-7]+$/;
function parseFileMode(value, name, def) {
  value ??= def;
  if (typeof value === 'string') {
    if (!octal.test(value)) {
      throw new codes.ERR_INVALID_ARG_VALUE(name, value, 'must be a 32-bit unsigned integer or an octal string');
    }
    value = parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
}

function assertEncoding(encoding) {
  if (encoding && encoding !== 'buffer' && normalizeEncoding(encoding) === undefined) {
    throw new codes.ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
}

// Options given as an encoding name or an object, over `defaults`.
function getOptions(options, defaults = {}) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') options = { ...defaults, encoding: options };
  else if (typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  else options = { ...defaults, ...options };
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  return options;
}

function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

// A time argument in seconds: a Date, a number of seconds, or a numeric string.
function toUnixTimestamp(time, name = 'time') {
  // eslint-disable-next-line eqeqeq
  if (typeof time === 'string' && +time == time) return +time;
  if (Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

function validateBufferArg(buffer, name = 'buffer') {
  if (!ArrayBuffer.isView(buffer)) throw new codes.ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
}
function asBytes(view) {
  return view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

// Data to write: a string (in `encoding`) or any ArrayBuffer view, as bytes.
function dataBytes(data, encoding, name = 'data') {
  if (typeof data === 'string') return require('buffer').Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return asBytes(data);
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

// A read/write position: null, undefined or -1 for the current one, else a safe integer or a
// bigint (up to where `length` more bytes still end below 2 ** 63). -1 means "current".
function validatePosition(position, name = 'position', length = 0) {
  if (position == null) return -1;
  if (typeof position === 'bigint') {
    const max = 2n ** 63n - 1n - BigInt(length);
    if (position < -1n || position > max) throw new codes.ERR_OUT_OF_RANGE(name, `>= -1 && <= ${max}`, position);
    return Number(position);
  }
  if (typeof position !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  if (!Number.isInteger(position)) throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', position);
  if (position < -1 || position > Number.MAX_SAFE_INTEGER) {
    throw new codes.ERR_OUT_OF_RANGE(name, `>= -1 && <= ${Number.MAX_SAFE_INTEGER}`, position);
  }
  return position;
}

function checkAborted(signal) {
  if (signal && signal.aborted) {
    const { AbortError } = require('internal/errors');
    throw new AbortError(undefined, { cause: signal.reason });
  }
}

// ---- asynchrony -----------------------------------------------------------------------------

// Runs `fn` later, in a loop turn of its own, as work done off the thread would complete.
function defer(fn) {
  const { Immediate } = require('internal/loop');
  new Immediate(fn, []);
}

// ---- Stats ----------------------------------------------------------------------------------

const S_IFMT = 0o170000;
const kNsPerMs = 1000000n;

function dateFromMs(ms) { return new Date(Math.round(Number(ms))); }

class StatsBase {
  isFile() { return this._checkModeProperty(0o100000); }
  isDirectory() { return this._checkModeProperty(0o040000); }
  isSymbolicLink() { return this._checkModeProperty(0o120000); }
  isFIFO() { return this._checkModeProperty(0o010000); }
  isSocket() { return this._checkModeProperty(0o140000); }
  isCharacterDevice() { return this._checkModeProperty(0o020000); }
  isBlockDevice() { return this._checkModeProperty(0o060000); }
}
Object.defineProperty(StatsBase.prototype, '_checkModeProperty', {
  value(bits) { return (Number(this.mode) & S_IFMT) === bits; }, enumerable: false, writable: true, configurable: true,
});

// atime … birthtime are Dates made when first read, as Node's are.
function defineDates(proto) {
  for (const name of ['atime', 'mtime', 'ctime', 'birthtime']) {
    const key = Symbol(name);
    Object.defineProperty(proto, name, {
      enumerable: true, configurable: true,
      get() { return this[key] ??= dateFromMs(this[`${name}Ms`]); },
      set(v) { Object.defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true }); },
    });
  }
}

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  this.dev = dev; this.mode = mode; this.nlink = nlink; this.uid = uid; this.gid = gid; this.rdev = rdev;
  this.blksize = blksize; this.ino = ino; this.size = size; this.blocks = blocks;
  this.atimeMs = atimeMs; this.mtimeMs = mtimeMs; this.ctimeMs = ctimeMs; this.birthtimeMs = birthtimeMs;
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
defineDates(Stats.prototype);

function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  this.dev = dev; this.mode = mode; this.nlink = nlink; this.uid = uid; this.gid = gid; this.rdev = rdev;
  this.blksize = blksize; this.ino = ino; this.size = size; this.blocks = blocks;
  this.atimeMs = atimeNs / kNsPerMs; this.mtimeMs = mtimeNs / kNsPerMs;
  this.ctimeMs = ctimeNs / kNsPerMs; this.birthtimeMs = birthtimeNs / kNsPerMs;
  this.atimeNs = atimeNs; this.mtimeNs = mtimeNs; this.ctimeNs = ctimeNs; this.birthtimeNs = birthtimeNs;
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
defineDates(BigIntStats.prototype);
BigIntStats.prototype._checkModeProperty = function (bits) { return (Number(this.mode) & S_IFMT) === bits; };
Object.defineProperty(BigIntStats.prototype, '_checkModeProperty', { enumerable: false });

// From the binding's 18 numbers (see modules/fs.rs).
function makeStats(a, bigint) {
  if (a === undefined || a === null) return undefined;
  if (bigint) {
    const B = BigInt;
    const ns = (i) => B(a[i]) * 1000000000n + B(a[i + 1]);
    return new BigIntStats(B(a[0]), B(a[1]), B(a[2]), B(a[3]), B(a[4]), B(a[5]), B(a[6]), B(a[7]), B(a[8]), B(a[9]),
      ns(10), ns(12), ns(14), ns(16));
  }
  const ms = (i) => a[i] * 1000 + a[i + 1] / 1e6;
  return new Stats(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], ms(10), ms(12), ms(14), ms(16));
}

// ---- Dirent ---------------------------------------------------------------------------------

const kType = Symbol('type');
class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === 2; }
  isFile() { return this[kType] === 1; }
  isBlockDevice() { return this[kType] === 7; }
  isCharacterDevice() { return this[kType] === 6; }
  isSymbolicLink() { return this[kType] === 3; }
  isFIFO() { return this[kType] === 4; }
  isSocket() { return this[kType] === 5; }
}
// UV_DIRENT_* from the type bits the binding reports.
function direntType(bits) {
  switch (bits) {
    case 0o100000: return 1;
    case 0o040000: return 2;
    case 0o120000: return 3;
    case 0o010000: return 4;
    case 0o140000: return 5;
    case 0o020000: return 6;
    case 0o060000: return 7;
    default: return 0;
  }
}

module.exports = {
  kMaxLength, O, uvException, SystemError, systemError, getValidatedPath, getValidatedFd, stringToFlags,
  parseFileMode, getOptions, assertEncoding, makeCallback, toUnixTimestamp, validateBufferArg, asBytes, dataBytes,
  validatePosition, checkAborted, defer, Stats, BigIntStats, makeStats, Dirent, direntType, kType,
  validateObject,
};
