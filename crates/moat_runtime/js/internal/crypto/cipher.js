'use strict';
// Cipheriv and Decipheriv (streams), createCipheriv/createDecipheriv, getCiphers and getCipherInfo.
// The cipher's state lives in the binding (a CipherBase object); this half checks arguments in
// Node's order and turns the binding's result codes into Node's errors.

const { codes } = require('internal/errors');
const { validateString, validateObject, validateInt32 } = require('internal/validators');
const { binding, isAnyArrayBuffer, bytesOf, lazyBuffer } = require('internal/crypto/util');
const LazyTransform = require('internal/crypto/lazy_transform');

const kHandle = Symbol('kHandle');
const kState = Symbol('kState');
const R = binding.cipherErrors;

const keyTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'];
const bufferTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

// An error OpenSSL raises, as Node shows it: the packed code and text, with its parts.
function opensslError(packed, library, reason, code) {
  const message = `error:${packed}:${library}::${reason}`;
  const err = new Error(message);
  err.opensslErrorStack = [message];
  err.library = library;
  err.reason = reason;
  err.code = code;
  return err;
}

function plainError(message) { return new Error(message); }

function invalidStateError() {
  const err = new Error('Invalid state');
  err.code = 'ERR_CRYPTO_INVALID_STATE';
  return err;
}

function updateError(code) {
  if (code === R.INVALID_MESSAGE_LENGTH) return new codes.ERR_CRYPTO_INVALID_MESSAGELEN();
  return plainError('Trying to add data in unsupported state');
}

function finalError(code) {
  switch (code) {
    case R.BAD_DECRYPT:
      return opensslError('1C800064', 'Provider routines', 'bad decrypt', 'ERR_OSSL_BAD_DECRYPT');
    case R.WRONG_FINAL_BLOCK_LENGTH:
      return opensslError('1C80006B', 'Provider routines', 'wrong final block length',
                          'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH');
    case R.TAG_NOT_SET:
      return opensslError('1C800077', 'Provider routines', 'tag not set', 'ERR_OSSL_TAG_NOT_SET');
    default:
      return plainError('Unsupported state or unable to authenticate data');
  }
}

// The key as bytes: a string (in options.encoding, UTF-8 by default), ArrayBuffer, view, or a
// secret KeyObject or CryptoKey.
let warnedCryptoKey = false;
function keyBytes(key, encoding) {
  if (typeof key === 'string') {
    const Buffer = lazyBuffer();
    return Buffer.from(key, typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8');
  }
  if (ArrayBuffer.isView(key) || isAnyArrayBuffer(key)) return bytesOf(key);
  if (key !== null && typeof key === 'object') {
    const keys = require('internal/crypto/keys');
    let keyObject;
    if (keys.isKeyObject(key)) {
      keyObject = key;
    } else {
      keyObject = keys.keyObjectFromCryptoKey(key);
      if (keyObject !== undefined && !warnedCryptoKey) {
        warnedCryptoKey = true;
        process.emitWarning('Passing a CryptoKey to node:crypto functions is deprecated.',
                            'DeprecationWarning', 'DEP0203');
      }
    }
    if (keyObject !== undefined) {
      if (keyObject.type !== 'secret') {
        throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(keyObject.type, 'secret');
      }
      return keys.secretKeyBytes(keyObject);
    }
  }
  throw new codes.ERR_INVALID_ARG_TYPE('key', keyTypes, key);
}

function ivBytes(iv) {
  if (iv === null) return null;
  if (typeof iv === 'string') return lazyBuffer().from(iv, 'utf8');
  if (ArrayBuffer.isView(iv) || isAnyArrayBuffer(iv)) return bytesOf(iv);
  throw new codes.ERR_INVALID_ARG_TYPE('iv', bufferTypes, iv);
}

function invalidTagLength(n) {
  return new codes.ERR_CRYPTO_INVALID_AUTH_TAG(`Invalid authentication tag length: ${n}`);
}

// The tag lengths each authenticated mode allows.
function tagLengthOk(mode, n) {
  switch (mode) {
    case 'gcm': return n === 4 || n === 8 || (n >= 12 && n <= 16);
    case 'ccm': return n >= 4 && n <= 16 && n % 2 === 0;
    default: return n >= 1 && n <= 16;
  }
}

// Which mode a cipher is, for the decisions made here ('chacha20-poly1305' reports 'stream').
function aeadKind(info) {
  if (info.mode === 'gcm' || info.mode === 'ccm' || info.mode === 'ocb') return info.mode;
  if (info.name === 'chacha20-poly1305') return 'chacha20-poly1305';
  return undefined;
}

function initCipher(self, decrypt, cipher, key, iv, options) {
  validateString(cipher, 'cipher');
  const keyBuf = keyBytes(key, options != null && typeof options === 'object' ? options.encoding : undefined);
  const ivBuf = ivBytes(iv);
  let authTagLength;
  if (options != null && typeof options === 'object' && options.authTagLength !== undefined) {
    authTagLength = options.authTagLength;
    if (typeof authTagLength !== 'number' || !Number.isInteger(authTagLength) ||
        authTagLength < 0 || authTagLength > 0xffffffff) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.authTagLength', authTagLength);
    }
  }
  const info = binding.cipherInfo(cipher);
  if (info === undefined) throw new codes.ERR_CRYPTO_UNKNOWN_CIPHER();
  const ivLength = ivBuf === null ? 0 : ivBuf.byteLength;
  const ivOk = ivBuf === null ? info.ivLength === undefined : binding.cipherIvOk(info.name, ivLength);
  if (!ivOk) throw new codes.ERR_CRYPTO_INVALID_IV();
  const kind = aeadKind(info);
  let tagLength = 16;
  if (kind !== undefined) {
    if (authTagLength === undefined) {
      if (kind === 'ccm' || kind === 'ocb') {
        throw new codes.ERR_CRYPTO_INVALID_AUTH_TAG(`authTagLength required for ${cipher}`);
      }
    } else if (!tagLengthOk(kind, authTagLength) && !(kind === 'ocb' && authTagLength === 0)) {
      throw invalidTagLength(authTagLength);
    } else {
      tagLength = authTagLength;
    }
  }
  if (keyBuf.byteLength !== info.keyLength) throw new codes.ERR_CRYPTO_INVALID_KEYLEN();
  if (/^des-(cbc|ecb|cfb|cfb8|cfb1|ofb)$/.test(info.name)) {
    throw opensslError('0308010C', 'digital envelope routines', 'unsupported', 'ERR_OSSL_EVP_UNSUPPORTED');
  }
  if (info.mode === 'xts' && !decrypt) {
    const half = keyBuf.byteLength / 2;
    let same = true;
    for (let i = 0; i < half; i++) if (keyBuf[i] !== keyBuf[half + i]) { same = false; break; }
    if (same) {
      throw opensslError('1C800095', 'Provider routines', 'xts duplicated keys', 'ERR_OSSL_XTS_DUPLICATED_KEYS');
    }
  }
  self._decoder = null;
  LazyTransform.call(self, options);
  self[kHandle] = binding.cipherNew(info.name, decrypt, keyBuf, ivBuf, tagLength);
  Object.defineProperty(self, kState, {
    value: {
      kind, mode: info.mode, decrypt, finalized: false, updated: false, tagSet: false,
      tagLength: authTagLength === undefined ? undefined : tagLength,
    },
    writable: true, configurable: true,
  });
}

// A string decoder per cipher, so that a multi-byte output encoding carries a split character
// from one call to the next; its encoding cannot change once chosen.
function decoderFor(self, encoding) {
  const { StringDecoder } = require('string_decoder');
  const { normalizeEncoding } = require('internal/util/encoding_name');
  const normalized = normalizeEncoding(encoding);
  if (normalized === undefined) throw new codes.ERR_UNKNOWN_ENCODING(encoding);
  if (self._decoder === null || self._decoder === undefined) {
    self._decoder = new StringDecoder(encoding);
  } else if (self._decoder.encoding !== normalized) {
    throw new codes.ERR_INTERNAL_ASSERTION('Cannot change encoding');
  }
  return self._decoder;
}

function output(self, bytes, outputEncoding, end) {
  const Buffer = lazyBuffer();
  const buf = Buffer.from(bytes);
  if (outputEncoding == null || outputEncoding === 'buffer') return buf;
  const decoder = decoderFor(self, outputEncoding);
  return end ? decoder.end(buf) : decoder.write(buf);
}

function update(data, inputEncoding, outputEncoding) {
  const state = this[kState];
  let bytes;
  if (typeof data === 'string') {
    const Buffer = lazyBuffer();
    const enc = typeof inputEncoding === 'string' && Buffer.isEncoding(inputEncoding) ?
      inputEncoding.toLowerCase() : 'utf8';
    if (enc === 'hex' && data.length % 2 !== 0) {
      throw new codes.ERR_INVALID_ARG_VALUE('encoding', inputEncoding, `is invalid for data of length ${data.length}`);
    }
    bytes = Buffer.from(data, enc);
  } else if (ArrayBuffer.isView(data)) {
    bytes = bytesOf(data);
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (state.finalized) throw plainError('Trying to add data in unsupported state');
  const r = binding.cipherUpdate(this[kHandle], bytes);
  if (typeof r === 'number') throw updateError(r);
  state.updated = true;
  return output(this, r, outputEncoding, false);
}

function final(outputEncoding) {
  const state = this[kState];
  if (state.finalized) throw invalidStateError();
  state.finalized = true;
  const r = binding.cipherFinal(this[kHandle]);
  if (typeof r === 'number') throw finalError(r);
  return output(this, r, outputEncoding, true);
}

function setAutoPadding(ap) {
  const state = this[kState];
  if (state.finalized) throw new codes.ERR_CRYPTO_INVALID_STATE('setAutoPadding');
  binding.cipherSetAutoPadding(this[kHandle], ap === undefined ? true : !!ap);
  return this;
}

function setAAD(aadbuf, options) {
  const state = this[kState];
  let encoding;
  let plaintextLength;
  if (options != null && typeof options === 'object') {
    encoding = options.encoding;
    plaintextLength = options.plaintextLength;
  }
  let bytes;
  if (typeof aadbuf === 'string') {
    const Buffer = lazyBuffer();
    bytes = Buffer.from(aadbuf, typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8');
  } else if (ArrayBuffer.isView(aadbuf) || isAnyArrayBuffer(aadbuf)) {
    bytes = bytesOf(aadbuf);
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('aadbuf', bufferTypes, aadbuf);
  }
  if (plaintextLength !== undefined &&
      (typeof plaintextLength !== 'number' || !Number.isInteger(plaintextLength) ||
       plaintextLength < 0 || plaintextLength > 0x7fffffff)) {
    throw new codes.ERR_INVALID_ARG_VALUE('options.plaintextLength', plaintextLength);
  }
  if (state.finalized || state.kind === undefined) throw new codes.ERR_CRYPTO_INVALID_STATE('setAAD');
  if (state.kind === 'ccm' && plaintextLength === undefined) {
    const err = new TypeError('options.plaintextLength required for CCM mode with AAD');
    err.code = 'ERR_MISSING_ARGS';
    throw err;
  }
  const r = binding.cipherSetAAD(this[kHandle], bytes, plaintextLength === undefined ? -1 : plaintextLength);
  if (r === 2) throw new codes.ERR_CRYPTO_INVALID_MESSAGELEN();
  // GCM refuses data after the text has begun; CCM and ChaCha20-Poly1305 take the call and
  // ignore it, and OCB's associated data is one stream whenever it comes.
  if (r === 1 && state.kind === 'gcm') throw new codes.ERR_CRYPTO_INVALID_STATE('setAAD');
  return this;
}

function getAuthTag() {
  const state = this[kState];
  const tag = state.finalized ? binding.cipherGetAuthTag(this[kHandle]) : undefined;
  if (tag === undefined) throw new codes.ERR_CRYPTO_INVALID_STATE('getAuthTag');
  return lazyBuffer().from(tag);
}

let warnedShortGcmTag = false;
function setAuthTag(tagbuf, encoding) {
  const state = this[kState];
  let bytes;
  if (typeof tagbuf === 'string') {
    const Buffer = lazyBuffer();
    bytes = Buffer.from(tagbuf, typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8');
  } else if (ArrayBuffer.isView(tagbuf) || isAnyArrayBuffer(tagbuf)) {
    bytes = bytesOf(tagbuf);
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('buffer', bufferTypes, tagbuf);
  }
  if (state.kind === undefined || state.finalized || state.tagSet) {
    throw new codes.ERR_CRYPTO_INVALID_STATE('setAuthTag');
  }
  const n = bytes.byteLength;
  if (state.kind === 'gcm') {
    if (state.tagLength !== undefined ? n !== state.tagLength : !tagLengthOk('gcm', n)) {
      throw invalidTagLength(n);
    }
    if (state.tagLength === undefined && n < 16 && !warnedShortGcmTag) {
      warnedShortGcmTag = true;
      process.emitWarning('Using AES-GCM authentication tags of less than 128 bits without ' +
        'specifying the authTagLength option when initializing decryption is deprecated.',
      'DeprecationWarning', 'DEP0182');
    }
  } else if (n !== (state.tagLength === undefined ? 16 : state.tagLength)) {
    throw invalidTagLength(n);
  }
  if (!binding.cipherSetAuthTag(this[kHandle], bytes)) throw new codes.ERR_CRYPTO_INVALID_STATE('setAuthTag');
  state.tagSet = true;
  return this;
}

function transform(chunk, encoding, callback) {
  this.push(this.update(chunk, encoding));
  callback();
}

function flush(callback) {
  let out;
  try {
    out = this.final();
  } catch (err) {
    callback(err);
    return;
  }
  this.push(out);
  callback();
}

function Cipheriv(cipher, key, iv, options) {
  if (!new.target) return new Cipheriv(cipher, key, iv, options);
  initCipher(this, false, cipher, key, iv, options);
}
Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipheriv, LazyTransform);

function Decipheriv(cipher, key, iv, options) {
  if (!new.target) return new Decipheriv(cipher, key, iv, options);
  initCipher(this, true, cipher, key, iv, options);
}
Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipheriv, LazyTransform);

function defineMethods(proto, methods) {
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: true });
  }
}
defineMethods(Cipheriv.prototype, {
  _transform: transform, _flush: flush, update, final, setAutoPadding, getAuthTag, setAAD,
});
defineMethods(Decipheriv.prototype, {
  _transform: transform, _flush: flush, update, final, setAutoPadding, setAuthTag, setAAD,
});

let cipherNames;
function getCiphers() {
  if (cipherNames === undefined) cipherNames = binding.cipherNames();
  return cipherNames.slice();
}

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new codes.ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength;
  let ivLength;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options);
    if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
  }
  const info = binding.cipherInfo(nameOrNid);
  if (info === undefined) return undefined;
  if (keyLength !== undefined && keyLength !== info.keyLength) return undefined;
  if (ivLength !== undefined) {
    const ok = info.mode === 'gcm' ? ivLength >= 0 : binding.cipherIvOk(info.name, ivLength);
    if (!ok) return undefined;
    info.ivLength = ivLength;
  }
  return info;
}

module.exports = {
  createCipheriv: (cipher, key, iv, options) => new Cipheriv(cipher, key, iv, options),
  createDecipheriv: (cipher, key, iv, options) => new Decipheriv(cipher, key, iv, options),
  Cipheriv,
  Decipheriv,
  getCiphers,
  getCipherInfo,
};
