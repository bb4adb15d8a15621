'use strict';
// Sign and Verify (Writable streams over a running digest), sign() and verify(), and RSA's
// publicEncrypt, privateDecrypt, privateEncrypt and publicDecrypt. The private-key work is the
// binding's; options are read and checked here as Node reads them.

const { codes } = require('internal/errors');
const { validateString, validateFunction, validateInt32 } = require('internal/validators');
const { binding, isAnyArrayBuffer, bytesOf, toBuffer, lazyBuffer } = require('internal/crypto/util');
const keys = require('internal/crypto/keys');

const kState = Symbol('kState');

function lazyWritable() { return require('stream').Writable; }

const dataTypes = ['string', 'Buffer', 'TypedArray', 'DataView'];

function dataOf(data, encoding, name = 'data') {
  if (typeof data === 'string') {
    const Buffer = lazyBuffer();
    return Buffer.from(data, Buffer.isEncoding(encoding) ? encoding : 'utf8');
  }
  if (ArrayBuffer.isView(data)) return bytesOf(data);
  throw new codes.ERR_INVALID_ARG_TYPE(name, dataTypes, data);
}

function signatureOf(sig, encoding, name) {
  if (typeof sig === 'string') {
    const Buffer = lazyBuffer();
    return Buffer.from(sig, Buffer.isEncoding(encoding) ? encoding : 'utf8');
  }
  if (ArrayBuffer.isView(sig) || isAnyArrayBuffer(sig)) return bytesOf(sig);
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], sig);
}

// padding, saltLength and dsaEncoding from a key argument that is an options object.
function signOptions(key) {
  const opts = {};
  if (key === null || typeof key !== 'object' || keys.isKeyObject(key) || ArrayBuffer.isView(key) || isAnyArrayBuffer(key)) {
    return opts;
  }
  if (key.padding !== undefined) {
    validateInt32(key.padding, 'key.padding');
    opts.padding = key.padding;
  }
  if (key.saltLength !== undefined) {
    validateInt32(key.saltLength, 'key.saltLength');
    opts.saltLength = key.saltLength;
  }
  const enc = key.dsaEncoding;
  if (enc !== undefined && enc !== 'der' && enc !== 'ieee-p1363') {
    throw new codes.ERR_INVALID_ARG_VALUE('options.dsaEncoding', enc);
  }
  opts.p1363 = enc === 'ieee-p1363';
  return opts;
}

function raise(err) {
  const mapped = keys.mapError(err);
  if (mapped !== err) return mapped;
  if (err && err.code === undefined && typeof err.message === 'string') {
    if (err.message === 'ERR_CRYPTO_INVALID_DIGEST') return new codes.ERR_CRYPTO_INVALID_DIGEST('');
    if (err.message === 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE') {
      return new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE('secret', 'private');
    }
    if (err.message === 'ERR_OSSL_EVP_INVALID_DIGEST') {
      const e = new Error('error:1C8000A6:Provider routines::invalid digest');
      e.code = 'ERR_OSSL_EVP_INVALID_DIGEST';
      return e;
    }
  }
  return err;
}

function call(fn) {
  try {
    return fn();
  } catch (err) {
    throw raise(err);
  }
}

function encodeOut(bytes, encoding) {
  const buf = toBuffer(new Uint8Array(bytes));
  const Buffer = lazyBuffer();
  if (typeof encoding === 'string' && encoding !== 'buffer' && Buffer.isEncoding(encoding)) return buf.toString(encoding);
  return buf;
}

// ---- Sign and Verify ------------------------------------------------------------------------

function makeHash(algorithm) {
  validateString(algorithm, 'algorithm');
  const info = binding.hashInfo(algorithm);
  if (!info || info.xof) throw new codes.ERR_CRYPTO_INVALID_DIGEST(algorithm);
  return { name: info.name, handle: binding.hashNew(info.name) };
}

function Sign(algorithm, options) {
  wireStreams();
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  this[kState] = makeHash(algorithm);
  Reflect.apply(lazyWritable(), this, [options]);
}

function Verify(algorithm, options) {
  wireStreams();
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  this[kState] = makeHash(algorithm);
  Reflect.apply(lazyWritable(), this, [options]);
}

let streamsWired = false;
function wireStreams() {
  if (streamsWired) return;
  streamsWired = true;
  const Writable = lazyWritable();
  for (const C of [Sign, Verify]) {
    Object.setPrototypeOf(C.prototype, Writable.prototype);
    Object.setPrototypeOf(C, Writable);
  }
}

function update(data, encoding) {
  const state = this[kState];
  if (state.handle === null) throw new codes.ERR_CRYPTO_INVALID_STATE('update');
  binding.hashUpdate(state.handle, dataOf(data, encoding));
  return this;
}

function write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
}

function finishDigest(self, op) {
  const state = self[kState];
  if (state.handle === null) throw new codes.ERR_CRYPTO_INVALID_STATE(op);
  const digest = new Uint8Array(binding.hashDigest(state.handle, 0));
  state.handle = null;
  return { name: state.name, digest };
}

Sign.prototype.update = update;
Sign.prototype._write = write;
Sign.prototype.sign = function sign(privateKey, outputEncoding) {
  if (privateKey === undefined || privateKey === null) throw new codes.ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const opts = signOptions(privateKey);
  const key = keys.preparePrivateKey(privateKey);
  const { name, digest } = finishDigest(this, 'sign');
  const out = call(() => binding.sign(keys.handleOf(key), digest, true, { hash: name, ...opts }));
  return encodeOut(out, outputEncoding);
};

Verify.prototype.update = update;
Verify.prototype._write = write;
Verify.prototype.verify = function verify(object, signature, sigEncoding) {
  const opts = signOptions(object);
  const key = keys.preparePublicOrPrivateKey(object);
  const sig = signatureOf(signature, sigEncoding, 'signature');
  const { name, digest } = finishDigest(this, 'verify');
  return call(() => binding.verify(keys.handleOf(key), digest, true, sig, { hash: name, ...opts }));
};

function createSign(algorithm, options) {
  wireStreams();
  return new Sign(algorithm, options);
}

function createVerify(algorithm, options) {
  wireStreams();
  return new Verify(algorithm, options);
}

// ---- one-shot -------------------------------------------------------------------------------

function hashOption(algorithm) {
  if (algorithm === null || algorithm === undefined) return undefined;
  validateString(algorithm, 'algorithm');
  return algorithm;
}

function oneShotData(data) {
  if (ArrayBuffer.isView(data) || isAnyArrayBuffer(data)) return bytesOf(data);
  if (typeof data === 'string') return lazyBuffer().from(data, 'utf8');
  throw new codes.ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView'], data);
}

function signOneShot(algorithm, data, key, callback) {
  const hash = hashOption(algorithm);
  const bytes = oneShotData(data);
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (key === undefined || key === null) throw new codes.ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const opts = signOptions(key);
  const k = keys.preparePrivateKey(key);
  const run = () => toBuffer(new Uint8Array(call(() => binding.sign(keys.handleOf(k), bytes, false, { hash, ...opts }))));
  if (callback === undefined) return run();
  const copy = new Uint8Array(bytes);
  setImmediate(() => {
    let out;
    try {
      out = toBuffer(new Uint8Array(call(() => binding.sign(keys.handleOf(k), copy, false, { hash, ...opts }))));
    } catch (err) {
      callback(err);
      return;
    }
    callback(null, out);
  });
}

function verifyOneShot(algorithm, data, key, signature, callback) {
  const hash = hashOption(algorithm);
  const bytes = oneShotData(data);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const opts = signOptions(key);
  const k = keys.preparePublicOrPrivateKey(key);
  if (!ArrayBuffer.isView(signature) && !isAnyArrayBuffer(signature)) {
    throw new codes.ERR_INVALID_ARG_TYPE('signature', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], signature);
  }
  const sig = bytesOf(signature);
  if (callback === undefined) return call(() => binding.verify(keys.handleOf(k), bytes, false, sig, { hash, ...opts }));
  const dataCopy = new Uint8Array(bytes);
  const sigCopy = new Uint8Array(sig);
  setImmediate(() => {
    let ok;
    try {
      ok = call(() => binding.verify(keys.handleOf(k), dataCopy, false, sigCopy, { hash, ...opts }));
    } catch (err) {
      callback(err);
      return;
    }
    callback(null, ok);
  });
}

// ---- RSA encryption -------------------------------------------------------------------------

const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;

function rsaFunction(op, defaultPadding, usePrivate) {
  return function rsaCipher(key, buffer) {
    let padding = defaultPadding;
    let oaepHash = 'sha1';
    let oaepLabel;
    let encoding;
    if (key !== null && typeof key === 'object' && !keys.isKeyObject(key) && !ArrayBuffer.isView(key) &&
        !isAnyArrayBuffer(key)) {
      if (key.padding !== undefined) padding = key.padding;
      encoding = key.encoding;
      if (key.oaepHash !== undefined) {
        validateString(key.oaepHash, 'key.oaepHash');
        oaepHash = key.oaepHash;
      }
      if (key.oaepLabel !== undefined) {
        if (!ArrayBuffer.isView(key.oaepLabel) && !isAnyArrayBuffer(key.oaepLabel)) {
          throw new codes.ERR_INVALID_ARG_TYPE('key.oaepLabel', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
            key.oaepLabel);
        }
        oaepLabel = bytesOf(key.oaepLabel);
      }
    }
    if (padding === RSA_PKCS1_OAEP_PADDING) {
      const info = binding.hashInfo(oaepHash);
      if (!info || info.xof) {
        const err = new Error('Invalid digest used');
        err.code = 'ERR_OSSL_EVP_INVALID_DIGEST';
        throw err;
      }
    }
    const k = usePrivate ? keys.preparePrivateKey(key) : keys.preparePublicOrPrivateKey(key);
    const data = isAnyArrayBuffer(buffer) ? bytesOf(buffer) : dataOf(buffer, encoding, 'buffer');
    return toBuffer(new Uint8Array(call(() => binding.rsaCrypt(keys.handleOf(k), op, data, padding, oaepHash, oaepLabel))));
  };
}

module.exports = {
  createSign,
  createVerify,
  Sign,
  Verify,
  sign: signOneShot,
  verify: verifyOneShot,
  publicEncrypt: rsaFunction(0, RSA_PKCS1_OAEP_PADDING, false),
  privateDecrypt: rsaFunction(1, RSA_PKCS1_OAEP_PADDING, true),
  privateEncrypt: rsaFunction(2, RSA_PKCS1_PADDING, true),
  publicDecrypt: rsaFunction(3, RSA_PKCS1_PADDING, false),
};
