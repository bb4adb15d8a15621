'use strict';
// Key derivation: PBKDF2, scrypt and HKDF. Arguments are checked here, in Node's order and with
// its errors; the work is the binding's, run on the loop's worker threads for the callback forms.

const { codes } = require('internal/errors');
const {
  validateString, validateInt32, validateUint32, validateInteger, validateFunction,
} = require('internal/validators');
const { binding, byteSource, isAnyArrayBuffer, passwordTypes, derivingBitsFailed, runJob, toBuffer, toArrayBuffer } =
  require('internal/crypto/util');

// A derivation that cannot be done fails as Node's does: in its callback, from the loop.
function failLater(callback) {
  runJob((defer) => binding.randomBytes(defer, 0), () => callback(derivingBitsFailed()));
}

// ---- PBKDF2 ------------------------------------------------------------------------------------

function pbkdf2Check(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = byteSource(password, 'password', passwordTypes);
  salt = byteSource(salt, 'salt', passwordTypes);
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  const info = binding.hashInfo(digest);
  if (info === undefined) throw new codes.ERR_CRYPTO_INVALID_DIGEST(digest);
  return { password, salt, info };
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const c = pbkdf2Check(password, salt, iterations, keylen, digest);
  if (!c.info.mac || keylen === 0) throw derivingBitsFailed();
  return toBuffer(new Uint8Array(binding.pbkdf2(false, c.password, c.salt, iterations, keylen, c.info.name)));
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  validateFunction(callback, 'callback');
  const c = pbkdf2Check(password, salt, iterations, keylen, digest);
  if (!c.info.mac || keylen === 0) {
    failLater(callback);
    return;
  }
  runJob((defer) => binding.pbkdf2(defer, c.password, c.salt, iterations, keylen, c.info.name),
    (err, bytes) => (err ? callback(err) : callback(null, toBuffer(bytes))));
}

// ---- scrypt ------------------------------------------------------------------------------------

const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

// One of a pair of option names (N or cost, ...): whichever is given, not both.
function pairedOption(options, name, alias, fallback) {
  let value = fallback;
  const has = options[name] !== undefined;
  if (has) {
    value = options[name];
    validateUint32(value, name);
  }
  if (options[alias] !== undefined) {
    if (has) throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR(name, alias);
    value = options[alias];
    validateUint32(value, alias);
  }
  return value;
}

function scryptCheck(password, salt, keylen, options) {
  password = byteSource(password, 'password', passwordTypes);
  salt = byteSource(salt, 'salt', passwordTypes);
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = scryptDefaults;
  if (options && typeof options === 'object') {
    N = pairedOption(options, 'N', 'cost', N);
    r = pairedOption(options, 'r', 'blockSize', r);
    p = pairedOption(options, 'p', 'parallelization', p);
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    // Zero means the default, for each of them.
    if (N === 0) N = scryptDefaults.N;
    if (r === 0) r = scryptDefaults.r;
    if (p === 0) p = scryptDefaults.p;
    if (maxmem === 0) maxmem = scryptDefaults.maxmem;
  }
  const verdict = binding.scryptCheck(N, r, p, maxmem);
  if (verdict === 1) throw new codes.ERR_CRYPTO_INVALID_SCRYPT_PARAMS();
  if (verdict !== 0) {
    throw new codes.ERR_CRYPTO_INVALID_SCRYPT_PARAMS('error:030000AC:digital envelope routines::memory limit exceeded');
  }
  return { password, salt, numbers: [N, r, p, keylen] };
}

function scryptSync(password, salt, keylen, options = scryptDefaults) {
  const c = scryptCheck(password, salt, keylen, options);
  return toBuffer(new Uint8Array(binding.scrypt(false, c.password, c.salt, c.numbers)));
}

function scrypt(password, salt, keylen, options, callback) {
  // Called with four arguments, the fourth is the callback.
  if (callback === undefined) {
    callback = options;
    options = scryptDefaults;
  }
  const c = scryptCheck(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  runJob((defer) => binding.scrypt(defer, c.password, c.salt, c.numbers),
    (err, bytes) => (err ? callback(err) : callback(null, toBuffer(bytes))));
}

// ---- HKDF --------------------------------------------------------------------------------------

const hkdfSourceTypes = ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'];

// A secret KeyObject's bytes, or a byte source's.
function secretOrBytes(value, name, expected) {
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !isAnyArrayBuffer(value)) {
    const keys = require('internal/crypto/keys');
    const ko = keys.isKeyObject(value) ? value : keys.keyObjectFromCryptoKey(value);
    if (ko !== undefined) {
      if (ko.type !== 'secret') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(ko.type, 'secret');
      return keys.secretKeyBytes(ko);
    }
  }
  return byteSource(value, name, expected);
}

function hkdfCheck(digest, ikm, salt, info, length) {
  validateString(digest, 'digest');
  ikm = secretOrBytes(ikm, 'ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer']);
  salt = byteSource(salt, 'salt', hkdfSourceTypes);
  info = byteSource(info, 'info', hkdfSourceTypes);
  validateInteger(length, 'length', 0, Number.MAX_SAFE_INTEGER);
  if (info.byteLength > 1024) {
    throw new codes.ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  return { ikm, salt, info };
}

// The digest and length checked against each other, after the arguments' types.
function hkdfDigest(c, digest, length) {
  const hash = binding.hashInfo(digest);
  if (hash === undefined) throw new codes.ERR_CRYPTO_INVALID_DIGEST(digest);
  if (hash.mac && length > 255 * hash.size) throw new codes.ERR_CRYPTO_INVALID_KEYLEN();
  c.hash = hash;
  return c;
}

function hkdfSync(digest, ikm, salt, info, length) {
  const c = hkdfDigest(hkdfCheck(digest, ikm, salt, info, length), digest, length);
  if (!c.hash.mac || length === 0) throw derivingBitsFailed();
  return binding.hkdf(false, c.hash.name, c.ikm, c.salt, c.info, length);
}

function hkdf(digest, ikm, salt, info, length, callback) {
  const checked = hkdfCheck(digest, ikm, salt, info, length);
  validateFunction(callback, 'callback');
  const c = hkdfDigest(checked, digest, length);
  if (!c.hash.mac || length === 0) {
    failLater(callback);
    return;
  }
  runJob((defer) => binding.hkdf(defer, c.hash.name, c.ikm, c.salt, c.info, length),
    (err, bytes) => (err ? callback(err) : callback(null, toArrayBuffer(bytes))));
}

// ---- Argon2 (RFC 9106) --------------------------------------------------------------------

const argon2Variants = ['argon2d', 'argon2i', 'argon2id'];
const argon2Bytes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

function argon2Check(algorithm, parameters) {
  validateString(algorithm, 'algorithm');
  if (!argon2Variants.includes(algorithm)) {
    throw new codes.ERR_INVALID_ARG_VALUE('algorithm', algorithm,
      `must be one of: ${argon2Variants.map((v) => `'${v}'`).join(', ')}`);
  }
  if (parameters === null || typeof parameters !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('parameters', 'object', parameters);
  }
  const message = byteSource(parameters.message, 'parameters.message', argon2Bytes);
  const nonce = byteSource(parameters.nonce, 'parameters.nonce', argon2Bytes);
  if (nonce.byteLength < 8 || nonce.byteLength > 2 ** 32 - 1) {
    throw new codes.ERR_OUT_OF_RANGE('parameters.nonce.byteLength', '>= 8 && <= 4294967295', nonce.byteLength);
  }
  const { parallelism, tagLength, memory, passes } = parameters;
  validateInteger(parallelism, 'parameters.parallelism', 1, 2 ** 24 - 1);
  validateInteger(tagLength, 'parameters.tagLength', 4, 2 ** 32 - 1);
  validateInteger(memory, 'parameters.memory', 8 * parallelism, 2 ** 32 - 1);
  validateInteger(passes, 'parameters.passes', 1, 2 ** 32 - 1);
  const optional = (name) => (parameters[name] === undefined ? new Uint8Array(0) :
    byteSource(parameters[name], `parameters.${name}`, argon2Bytes));
  const secret = optional('secret');
  const associatedData = optional('associatedData');
  return { message, nonce, secret, associatedData, parallelism, tagLength, memory, passes };
}

function argon2Sync(algorithm, parameters) {
  const c = argon2Check(algorithm, parameters);
  const out = binding.argon2(false, algorithm, c);
  if (out.byteLength === 0) throw derivingBitsFailed();
  return toBuffer(new Uint8Array(out));
}

function argon2(algorithm, parameters, callback) {
  const c = argon2Check(algorithm, parameters);
  validateFunction(callback, 'callback');
  runJob((defer) => binding.argon2(defer, algorithm, c),
    (err, bytes) => {
      if (err) return callback(err);
      if (bytes.byteLength === 0) return callback(derivingBitsFailed());
      callback(null, toBuffer(bytes));
    });
}

module.exports = { pbkdf2, pbkdf2Sync, scrypt, scryptSync, hkdf, hkdfSync, argon2, argon2Sync };
