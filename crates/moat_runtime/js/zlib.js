'use strict';
// node:zlib. Deflate, zlib, gzip and raw deflate (flate2 on zlib-rs), brotli and zstd, each as a
// Transform stream class with its create* factory, a callback form and a synchronous form; crc32;
// constants. The codec work happens in the Rust half, driven by internal/zlib/core.
//
// Not applied: `memLevel` and `strategy` are checked as Node checks them, but the deflate engine
// used here chooses its own memory level and strategy.

const { codes } = require('internal/errors');
const { Buffer } = require('buffer');
const constants = require('internal/zlib/constants');
const core = require('internal/zlib/core');

const { binding, init, handleError, closeHandle, step, takeOutput, processSync, inputBytes, bytesView,
  checkRangesOrGetDefault, strongerFlush } = core;

const {
  Z_SYNC_FLUSH, Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_STRATEGY, Z_FIXED,
  DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE,
  ZSTD_COMPRESS, ZSTD_DECOMPRESS,
} = constants;

let streamModule;
function stream() { return streamModule || (streamModule = require('stream')); }
const { Transform } = stream();

const kFlushFlag = Symbol('kFlushFlag');
const kError = Symbol('kError');

// An empty chunk that asks the stream to flush with `flag`.
function flushChunk(flag) {
  const b = Buffer.alloc(0);
  b[kFlushFlag] = flag;
  return b;
}

// The base of every zlib stream: a Transform whose chunks go through the codec of `mode`.
function ZlibBase(opts, mode) {
  // Checked first, so a bad option throws before the stream is built.
  const fields = {};
  init(fields, mode, opts);
  // Bytes in, bytes out, whatever object mode the options ask for.
  Reflect.apply(Transform, this, [{
    autoDestroy: true, ...opts, objectMode: false, readableObjectMode: false, writableObjectMode: false,
  }]);
  Object.assign(this, fields);
  this[kError] = null;
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return !this._handle; },
});

ZlibBase.prototype.reset = function reset() {
  if (!this._handle) throw new codes.ERR_INTERNAL_ASSERTION('zlib binding closed');
  binding.reset(this._handle);
};

ZlibBase.prototype._flush = function _flush(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

ZlibBase.prototype._final = function _final(callback) {
  callback();
};

ZlibBase.prototype.flush = function flush(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    this.write(flushChunk(kind), '', callback);
  }
};

ZlibBase.prototype.close = function close(callback) {
  if (callback) stream().finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function _destroy(err, callback) {
  closeHandle(this);
  callback(err);
};

ZlibBase.prototype._transform = function _transform(chunk, encoding, cb) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  // The last chunk of the stream also finishes it.
  if (this.writableEnded && this.writableLength === chunk.byteLength) {
    flushFlag = strongerFlush(this._mode, flushFlag, this._finishFlushFlag);
  }
  this._processChunk(chunk, flushFlag, cb);
};

ZlibBase.prototype._processChunk = function _processChunk(chunk, flushFlag, cb) {
  if (typeof cb === 'function') processChunk(this, chunk, flushFlag, cb);
  else return processSync(this, chunk, flushFlag);
};

// Whether the readable side holds as much as it should before the reader takes some.
function readableFull(self) {
  const rs = self._readableState;
  return rs ? rs.length >= rs.highWaterMark : false;
}

// Runs `chunk` through the codec a step at a time, pushing the output, then calls `cb`. The
// steps start after the current turn, as the work of Node's thread pool does, and wait for the
// reader when the readable side is full.
function processChunk(self, chunk, flushFlag, cb) {
  if (!self._handle) {
    process.nextTick(cb);
    return;
  }
  chunk = bytesView(chunk);
  let inOff = 0;
  let inLen = chunk.byteLength;
  const run = () => {
    for (;;) {
      if (self.destroyed || !self._handle) {
        cb();
        return;
      }
      if (!step(self, flushFlag, chunk, inOff, inLen)) {
        const err = handleError(self);
        self[kError] = err;
        self.destroy(err);
        cb();
        return;
      }
      const st = self._state;
      const availOut = st[4];
      const availIn = st[5];
      self.bytesWritten += inLen - availIn;
      const out = takeOutput(self);
      if (out !== null) self.push(out);
      if (self.destroyed) {
        cb();
        return;
      }
      if (availOut === 0) {
        inOff += inLen - availIn;
        inLen = availIn;
        if (readableFull(self)) {
          // Wait until the reader asks for more.
          const read = self._read;
          self._read = function(n) {
            self._read = read;
            setImmediate(run);
            return read.call(this, n);
          };
          return;
        }
        continue;
      }
      if (availIn > 0) {
        // The codec wants no more input: the stream ended before its input did.
        self.push(null);
      }
      cb();
      return;
    }
  };
  setImmediate(run);
}

function checkDeprecatedCall(self, Ctor, name) {
  if (self instanceof Ctor) return false;
  if (!deprecated.has(name)) {
    deprecated.add(name);
    process.emitWarning(`Instantiating ${name} without the 'new' keyword has been deprecated.`,
      'DeprecationWarning', 'DEP0184');
  }
  return true;
}
const deprecated = new Set();

// The deflate family: streams with `params`.
function Zlib(opts, mode) {
  Reflect.apply(ZlibBase, this, [opts, mode]);
}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zlib, ZlibBase);

function paramsAfterFlush(level, strategy, callback) {
  if (!this._handle) return;
  binding.params(this._handle, level, strategy);
  if (!this.destroyed) {
    this._level = level;
    this._strategy = strategy;
    if (callback) callback();
  }
}

Zlib.prototype.params = function params(level, strategy, callback) {
  checkRangesOrGetDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  checkRangesOrGetDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
  if (this._level !== level || this._strategy !== strategy) {
    this.flush(Z_SYNC_FLUSH, paramsAfterFlush.bind(this, level, strategy, callback));
  } else if (callback) {
    process.nextTick(callback);
  }
};

function defineClass(name, Base, mode) {
  // A named function that also works when called on an object made by a subclass.
  const Ctor = {
    [name]: function(opts) {
      if (checkDeprecatedCall(this, Ctor, name)) return new Ctor(opts);
      Reflect.apply(Base, this, [opts, mode]);
    },
  }[name];
  Object.setPrototypeOf(Ctor.prototype, Base.prototype);
  Object.setPrototypeOf(Ctor, Base);
  return Ctor;
}

const Deflate = defineClass('Deflate', Zlib, DEFLATE);
const Inflate = defineClass('Inflate', Zlib, INFLATE);
const Gzip = defineClass('Gzip', Zlib, GZIP);
const Gunzip = defineClass('Gunzip', Zlib, GUNZIP);
const DeflateRaw = defineClass('DeflateRaw', Zlib, DEFLATERAW);
const InflateRaw = defineClass('InflateRaw', Zlib, INFLATERAW);
const Unzip = defineClass('Unzip', Zlib, UNZIP);

function Brotli(opts, mode) {
  Reflect.apply(ZlibBase, this, [opts, mode]);
}
Object.setPrototypeOf(Brotli.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Brotli, ZlibBase);
const BrotliCompress = defineClass('BrotliCompress', Brotli, BROTLI_ENCODE);
const BrotliDecompress = defineClass('BrotliDecompress', Brotli, BROTLI_DECODE);

function Zstd(opts, mode) {
  Reflect.apply(ZlibBase, this, [opts, mode]);
}
Object.setPrototypeOf(Zstd.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zstd, ZlibBase);
const ZstdCompress = defineClass('ZstdCompress', Zstd, ZSTD_COMPRESS);
const ZstdDecompress = defineClass('ZstdDecompress', Zstd, ZSTD_DECOMPRESS);

// The convenience functions: `name(buffer[, options], callback)` and `nameSync(buffer[, options])`.
function convenience(Ctor, mode) {
  function sync(buffer, opts) {
    const bytes = inputBytes(buffer);
    if (opts && opts.info) {
      const engine = new Ctor(opts);
      return { buffer: processSync(engine, bytes, engine._finishFlushFlag), engine };
    }
    const engine = {};
    init(engine, mode, opts);
    return processSync(engine, bytes, engine._finishFlushFlag);
  }
  function async(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    const engine = opts && opts.info ? new Ctor(opts) : {};
    if (!(engine instanceof Ctor)) init(engine, mode, opts);
    if (typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    const bytes = inputBytes(buffer);
    setImmediate(() => {
      let result;
      try {
        result = processSync(engine, bytes, engine._finishFlushFlag);
      } catch (err) {
        callback(err);
        return;
      }
      if (engine instanceof Ctor) callback(null, { buffer: result, engine });
      else callback(null, result);
    });
  }
  return { async, sync };
}

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new codes.ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('value', 'number', value);
  if (!Number.isInteger(value) || value < 0 || value > 4294967295) {
    throw new codes.ERR_OUT_OF_RANGE('value', '>= 0 && <= 4294967295', value);
  }
  return binding.crc32(typeof data === 'string' ? data : bytesView(data), value);
}

const codesTable = {
  Z_OK: constants.Z_OK,
  Z_STREAM_END: constants.Z_STREAM_END,
  Z_NEED_DICT: constants.Z_NEED_DICT,
  Z_ERRNO: constants.Z_ERRNO,
  Z_STREAM_ERROR: constants.Z_STREAM_ERROR,
  Z_DATA_ERROR: constants.Z_DATA_ERROR,
  Z_MEM_ERROR: constants.Z_MEM_ERROR,
  Z_BUF_ERROR: constants.Z_BUF_ERROR,
  Z_VERSION_ERROR: constants.Z_VERSION_ERROR,
};
for (const key of Object.keys(codesTable)) codesTable[codesTable[key]] = key;

const pairs = [
  ['deflate', Deflate, DEFLATE], ['gzip', Gzip, GZIP], ['deflateRaw', DeflateRaw, DEFLATERAW],
  ['unzip', Unzip, UNZIP], ['inflate', Inflate, INFLATE], ['gunzip', Gunzip, GUNZIP],
  ['inflateRaw', InflateRaw, INFLATERAW], ['brotliCompress', BrotliCompress, BROTLI_ENCODE],
  ['brotliDecompress', BrotliDecompress, BROTLI_DECODE], ['zstdCompress', ZstdCompress, ZSTD_COMPRESS],
  ['zstdDecompress', ZstdDecompress, ZSTD_DECOMPRESS],
];

module.exports = {
  crc32,
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
  ZstdCompress, ZstdDecompress,
};
for (const [name, Ctor, mode] of pairs) {
  const { async, sync } = convenience(Ctor, mode);
  Object.defineProperty(async, 'name', { value: name });
  Object.defineProperty(sync, 'name', { value: `${name}Sync` });
  module.exports[name] = async;
  module.exports[`${name}Sync`] = sync;
}
for (const [name, Ctor] of [['Deflate', Deflate], ['Inflate', Inflate], ['DeflateRaw', DeflateRaw],
  ['InflateRaw', InflateRaw], ['Gzip', Gzip], ['Gunzip', Gunzip], ['Unzip', Unzip],
  ['BrotliCompress', BrotliCompress], ['BrotliDecompress', BrotliDecompress],
  ['ZstdCompress', ZstdCompress], ['ZstdDecompress', ZstdDecompress]]) {
  const create = { [`create${name}`](options) { return new Ctor(options); } }[`create${name}`];
  module.exports[`create${name}`] = create;
}
const constantsObject = Object.create(null);
for (const key of Object.keys(constants)) {
  Object.defineProperty(constantsObject, key, {
    __proto__: null, value: constants[key], writable: false, enumerable: true, configurable: false,
  });
}
Object.defineProperty(module.exports, 'constants', {
  __proto__: null, value: constantsObject, writable: false, enumerable: true, configurable: false,
});
Object.defineProperty(module.exports, 'codes', {
  __proto__: null, value: Object.freeze(codesTable), writable: false, enumerable: true, configurable: false,
});
// The zlib constants (not brotli's) also appear on the module itself, hidden, as in Node.
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, {
    __proto__: null, value: constants[key], writable: false, enumerable: false, configurable: false,
  });
}
