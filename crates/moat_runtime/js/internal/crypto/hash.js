'use strict';
// Hash and Hmac objects, crypto.hash() and getHashes(). The digest state lives in the binding
// (one table of algorithms); data is hashed in place from the caller's typed array.
//
// Node's Hash and Hmac are also Transform streams; they become streams here when node:stream
// exists, and until then have no stream methods.

const { codes } = require('internal/errors');
const { validateString, validateUint32, validateObject } = require('internal/validators');
const { binding, isAnyArrayBuffer, bytesOf, lazyBuffer } = require('internal/crypto/util');

const kHandle = Symbol('kHandle');
const kState = Symbol('kState');

// The binding's facts of each algorithm name asked for, kept: every createHash asks.
const infoCache = new Map();
function hashInfo(name) {
  let info = infoCache.get(name);
  if (info === undefined && !infoCache.has(name)) {
    info = binding.hashInfo(name);
    if (infoCache.size < 256) infoCache.set(name, info);
  }
  return info;
}

function digestNotSupported() { return new Error('Digest method not supported'); }

// `digest()`'s output: a string in a known encoding, otherwise a Buffer.
function encodeOutput(bytes, outputEncoding) {
  const Buffer = lazyBuffer();
  if (outputEncoding !== undefined && typeof outputEncoding !== 'string') outputEncoding = `${outputEncoding}`;
  const buf = Buffer.from(bytes);
  if (typeof outputEncoding === 'string' && outputEncoding.toLowerCase() !== 'buffer' &&
      Buffer.isEncoding(outputEncoding)) {
    return buf.toString(outputEncoding);
  }
  return buf;
}

// A string for the binding to hash as UTF-8: passed as it is when well-formed, otherwise as the
// bytes Buffer makes of it (a lone surrogate becomes U+FFFD, as in Node).
function utf8Input(str) {
  return str.isWellFormed() ? str : lazyBuffer().from(str, 'utf8');
}

// update()'s data as the binding takes it: a string to hash as UTF-8, or a Uint8Array.
function updateData(data, encoding) {
  if (typeof data === 'string') {
    const Buffer = lazyBuffer();
    const enc = typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding.toLowerCase() : 'utf8';
    if (enc === 'hex' && data.length % 2 !== 0) {
      throw new codes.ERR_INVALID_ARG_VALUE('encoding', encoding, `is invalid for data of length ${data.length}`);
    }
    if (enc === 'utf8' || enc === 'utf-8') return utf8Input(data);
    return Buffer.from(data, enc);
  }
  if (!ArrayBuffer.isView(data)) {
    throw new codes.ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return bytesOf(data);
}

function update(self, data, encoding) {
  const state = self[kState];
  if (state.finalized) throw new codes.ERR_CRYPTO_HASH_FINALIZED();
  const bytes = updateData(data, encoding);
  let ok;
  try {
    ok = binding.hashUpdate(self[kHandle], bytes);
  } catch {
    ok = false;
  }
  if (!ok) throw new codes.ERR_CRYPTO_HASH_UPDATE_FAILED();
  return self;
}

// The digest length options ask for: an extendable-output function's any length, a fixed
// digest's own length only.
let warnedXofLength = false;
function outputLength(info, options, name, isCopy = false) {
  const len = options == null ? undefined : options.outputLength;
  if (len === undefined) {
    // A copy is made without the warning a new hash gives.
    if (info.xof && !isCopy && !warnedXofLength && require('internal/options').hasFlag('--pending-deprecation')) {
      warnedXofLength = true;
      process.emitWarning('Creating SHAKE128/256 digests without an explicit options.outputLength is deprecated.',
        'DeprecationWarning', 'DEP0198');
    }
    return info.size;
  }
  validateUint32(len, name);
  if (!info.xof && len !== info.size) {
    const err = new Error('error:030000B2:digital envelope routines::not XOF or invalid length');
    err.code = 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH';
    throw err;
  }
  return len;
}

function Hash(algorithm, options) {
  if (!new.target) return new Hash(algorithm, options);
  validateString(algorithm, 'algorithm');
  const info = hashInfo(algorithm);
  if (info === undefined) throw digestNotSupported();
  const length = outputLength(info, options, 'options.outputLength');
  this._options = options;
  this[kHandle] = binding.hashNew(info.name);
  this[kState] = { info, length, finalized: false };
}

// As streams: what is written is hashed, and the digest (a Buffer, or a string after
// setEncoding) is the one chunk read at the end.
const LazyTransform = require('internal/crypto/lazy_transform');
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);
Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  update(this, chunk, encoding);
  callback();
};
// The digest pushed at the end is kept: one digest() call after the stream ended returns it.
Hash.prototype._flush = function _flush(callback) {
  const digest = this.digest();
  this[kState].finalized = false;
  this[kState].flushed = digest;
  this.push(digest);
  callback();
};

Hash.prototype.copy = function copy(options) {
  const state = this[kState];
  if (state.finalized) throw new codes.ERR_CRYPTO_HASH_FINALIZED();
  const length = outputLength(state.info, options, 'options.outputLength', true);
  const handle = binding.hashCopy(this[kHandle]);
  if (handle === undefined) throw new codes.ERR_CRYPTO_HASH_FINALIZED();
  const copy = Object.create(Hash.prototype);
  copy._options = options;
  copy[kHandle] = handle;
  copy[kState] = { info: state.info, length, finalized: false };
  return copy;
};

Hash.prototype.update = function update_(data, encoding) { return update(this, data, encoding); };

Hash.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state.finalized) throw new codes.ERR_CRYPTO_HASH_FINALIZED();
  state.finalized = true;
  if (state.flushed !== undefined) return encodeOutput(state.flushed, outputEncoding);
  const out = binding.hashDigest(this[kHandle], state.length);
  if (out === undefined) throw new codes.ERR_CRYPTO_HASH_FINALIZED();
  return encodeOutput(out, outputEncoding);
};

// An HMAC key: a string (in options.encoding), ArrayBuffer or view, a secret KeyObject or an
// HMAC CryptoKey.
function hmacKey(key, encoding) {
  if (key !== null && typeof key === 'object' && !ArrayBuffer.isView(key) && !isAnyArrayBuffer(key)) {
    const keys = require('internal/crypto/keys');
    const ko = keys.isKeyObject(key) ? key : keys.keyObjectFromCryptoKey(key);
    if (ko !== undefined) {
      if (ko.type !== 'secret') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(ko.type, 'secret');
      return keys.secretKeyBytes(ko);
    }
  }
  if (typeof key === 'string') {
    // 'buffer' names no string encoding: the string is UTF-8 then; an unknown name throws.
    return lazyBuffer().from(key, encoding == null || encoding === 'buffer' ? 'utf8' : encoding);
  }
  if (ArrayBuffer.isView(key) || isAnyArrayBuffer(key)) return bytesOf(key);
  throw new codes.ERR_INVALID_ARG_TYPE('key',
    ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key);
}

function Hmac(hmac, key, options) {
  if (!new.target) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = options == null ? undefined : options.encoding;
  if (encoding != null) validateString(encoding, 'options.encoding');
  const keyBytes = hmacKey(key, encoding);
  const info = hashInfo(hmac);
  if (info === undefined || !info.mac) throw new codes.ERR_CRYPTO_INVALID_DIGEST(hmac);
  this._options = options;
  this[kHandle] = binding.hmacNew(info.name, keyBytes);
  this[kState] = { info, length: info.size, finalized: false };
}

Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);
Hmac.prototype._transform = Hash.prototype._transform;
Hmac.prototype._flush = Hash.prototype._flush;
Hmac.prototype.update = function update_(data, encoding) { return update(this, data, encoding); };

// A second digest() gives an empty result, as Node's does.
Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state.finalized) return encodeOutput(new Uint8Array(0), outputEncoding);
  state.finalized = true;
  const out = binding.hashDigest(this[kHandle], state.length);
  return encodeOutput(out === undefined ? new Uint8Array(0) : out, outputEncoding);
};

// crypto.hash(algorithm, data[, outputEncoding | { outputEncoding, outputLength }]): one call.
function hash(algorithm, input, options = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw new codes.ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  let outputEncoding = options;
  let length;
  if (typeof options !== 'string') {
    validateObject(options, 'options');
    outputEncoding = options.outputEncoding === undefined ? 'hex' : options.outputEncoding;
    validateString(outputEncoding, 'outputEncoding');
    length = options.outputLength;
    if (length !== undefined) validateUint32(length, 'outputLength');
  }
  const Buffer = lazyBuffer();
  if (outputEncoding === '') outputEncoding = 'utf8'; // as Buffer reads an empty encoding name
  if (outputEncoding.toLowerCase() !== 'buffer' && !Buffer.isEncoding(outputEncoding)) {
    throw new codes.ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
  }
  const info = hashInfo(algorithm);
  if (info === undefined) throw new Error(`Digest method ${algorithm} is not supported`);
  if (length === undefined) {
    length = outputLength(info, undefined, 'outputLength');
  } else if (!info.xof && length !== info.size) {
    throw new Error(`Output length ${length} is invalid for ${algorithm}, which does not support XOF`);
  }
  const handle = binding.hashNew(info.name);
  binding.hashUpdate(handle, typeof input === 'string' ? utf8Input(input) : bytesOf(input));
  return encodeOutput(binding.hashDigest(handle, length), outputEncoding);
}

let hashNames;
function getHashes() {
  if (hashNames === undefined) hashNames = binding.hashNames();
  return hashNames.slice();
}

// The constructors as crypto exports them: deprecated to call directly.
function deprecatedConstructor(Ctor, message, code) {
  let warned = false;
  function Deprecated(...args) {
    if (!warned) {
      warned = true;
      process.emitWarning(message, 'DeprecationWarning', code);
    }
    return Reflect.construct(Ctor, args, new.target || Ctor);
  }
  Deprecated.prototype = Ctor.prototype;
  Object.defineProperty(Deprecated, 'name', { value: Ctor.name });
  Object.defineProperty(Deprecated, 'length', { value: Ctor.length });
  return Deprecated;
}

module.exports = {
  Hash, Hmac, hash, getHashes,
  createHash: (algorithm, options) => new Hash(algorithm, options),
  createHmac: (hmac, key, options) => new Hmac(hmac, key, options),
  DeprecatedHash: deprecatedConstructor(Hash, 'crypto.Hash constructor is deprecated.', 'DEP0179'),
  DeprecatedHmac: deprecatedConstructor(Hmac, 'crypto.Hmac constructor is deprecated.', 'DEP0181'),
};
