'use strict';
// globalThis.crypto (also crypto.webcrypto): random values and UUIDs from the OS's generator (the
// host's, in the sandbox), and SubtleCrypto: digests here, the operations on keys (sign, verify,
// encrypt, decrypt, deriveBits, deriveKey, wrapKey, unwrapKey) over node:crypto's binding, and
// key management (CryptoKey, importKey, exportKey, generateKey, getPublicKey) in
// internal/crypto/webkeys. ML-KEM's encapsulation methods reject with ERR_NOT_IMPLEMENTED.
const binding = internalBinding('crypto');

const integerArrays = new Set(['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array']);
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayName = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;

function domException(message, name) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, name);
}

function typeErrorWithCode(message, code) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

// Web Crypto's digests: the binding's algorithm for each name (matched case-insensitively).
const digests = {
  'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512',
  'SHA3-256': 'sha3-256', 'SHA3-384': 'sha3-384', 'SHA3-512': 'sha3-512',
};
// cSHAKE (SP 800-185), its output length in bits.
const cshakes = { CSHAKE128: ['cSHAKE128', 128], CSHAKE256: ['cSHAKE256', 256] };
const experimental = new Set(['SHA3-256', 'SHA3-384', 'SHA3-512', 'cSHAKE128', 'cSHAKE256']);
const warnedExperimental = new Set();

function warnExperimental(name) {
  if (experimental.has(name) && !warnedExperimental.has(name)) {
    warnedExperimental.add(name);
    process.emitWarning(`The ${name} Web Crypto API algorithm is an experimental feature and might change at any time`,
      'ExperimentalWarning');
  }
}

// The optional BufferSource members of CShakeParams, as bytes.
function cshakeMember(algorithm, member) {
  const value = algorithm[member];
  if (value === undefined) return new Uint8Array(0);
  const bytes = require('internal/crypto/webkeys').bufferSource(value);
  if (bytes !== undefined) return bytes;
  throw typeErrorWithCode(`Failed to normalize algorithm: ${member} in passed algorithm is not instance of ` +
    'ArrayBuffer, Buffer, TypedArray, or DataView.', 'ERR_INVALID_ARG_TYPE');
}

// { hash } for a plain digest, or { cshake, bits, functionName, customization }.
function normalizeDigest(algorithm) {
  let name = algorithm;
  const isObject = algorithm !== null && typeof algorithm === 'object';
  if (isObject) {
    if (algorithm.name === undefined) {
      throw typeErrorWithCode("Failed to normalize algorithm: passed algorithm cannot be converted to 'Algorithm' " +
        "because 'name' is required in 'Algorithm'.", 'ERR_MISSING_OPTION');
    }
    name = algorithm.name;
  }
  const upper = String(name).toUpperCase();
  if (Object.hasOwn(cshakes, upper)) {
    const [canonical, strength] = cshakes[upper];
    if (!isObject || algorithm.outputLength === undefined) {
      throw typeErrorWithCode("Failed to normalize algorithm: passed algorithm cannot be converted to 'CShakeParams' " +
        "because 'outputLength' is required in 'CShakeParams'.", 'ERR_MISSING_OPTION');
    }
    const bits = Math.trunc(Number(algorithm.outputLength));
    if (!(bits >= 0 && bits <= 4294967295)) {
      throw typeErrorWithCode('Failed to normalize algorithm: outputLength in passed algorithm is outside the ' +
        'expected range of 0 to 4294967295.', 'ERR_OUT_OF_RANGE');
    }
    const functionName = cshakeMember(algorithm, 'functionName');
    const customization = cshakeMember(algorithm, 'customization');
    warnExperimental(canonical);
    return { cshake: strength, bits, functionName, customization };
  }
  if (!Object.hasOwn(digests, upper)) throw domException('Unrecognized algorithm name', 'NotSupportedError');
  warnExperimental(upper);
  return { hash: digests[upper] };
}

function checkArgs(method, args, required) {
  if (args.length < required) {
    throw typeErrorWithCode(`Failed to execute '${method}' on 'SubtleCrypto': ${required} arguments required, ` +
      `but only ${args.length} present.`, 'ERR_MISSING_ARGS');
  }
}

// The bytes of a BufferSource argument (a copy), or Node's error naming its position.
function bufferSourceBytes(method, value, position) {
  const bytes = require('internal/crypto/webkeys').bufferSourceOrKind(value);
  if (bytes === 'shared') {
    throw typeErrorWithCode(`Failed to execute '${method}' on 'SubtleCrypto': ${position} argument is a view on a ` +
      'SharedArrayBuffer, which is not allowed.', 'ERR_INVALID_ARG_TYPE');
  }
  if (bytes === undefined) {
    throw typeErrorWithCode(`Failed to execute '${method}' on 'SubtleCrypto': ${position} argument is not instance ` +
      'of ArrayBuffer, Buffer, TypedArray, or DataView.', 'ERR_INVALID_ARG_TYPE');
  }
  return bytes;
}

// ---- UUIDs --------------------------------------------------------------------------------

const hexByte = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));

function formatUUID(b, o) {
  const h = hexByte;
  return `${h[b[o]]}${h[b[o + 1]]}${h[b[o + 2]]}${h[b[o + 3]]}-${h[b[o + 4]]}${h[b[o + 5]]}-` +
    `${h[b[o + 6]]}${h[b[o + 7]]}-${h[b[o + 8]]}${h[b[o + 9]]}-` +
    `${h[b[o + 10]]}${h[b[o + 11]]}${h[b[o + 12]]}${h[b[o + 13]]}${h[b[o + 14]]}${h[b[o + 15]]}`;
}

// Random bytes for 128 UUIDs at a time, as Node's entropy cache keeps them. Bytes drawn before
// the runtime was last reseeded are not used: other copies of a snapshot hold them too.
const uuidCache = new Uint8Array(16 * 128);
let uuidOffset = uuidCache.length;
let uuidGeneration = -1;

// A version 4 UUID: from the cache, or from bytes drawn for it alone.
function randomUUIDv4(useCache) {
  let b = uuidCache;
  let o;
  if (useCache) {
    const generation = binding.randomGeneration();
    if (uuidOffset === uuidCache.length || generation !== uuidGeneration) {
      binding.fillRandom(uuidCache);
      uuidOffset = 0;
      uuidGeneration = generation;
    }
    o = uuidOffset;
    uuidOffset += 16;
  } else {
    b = new Uint8Array(16);
    binding.fillRandom(b);
    o = 0;
  }
  b[o + 6] = (b[o + 6] & 0x0f) | 0x40; // version 4
  b[o + 8] = (b[o + 8] & 0x3f) | 0x80; // RFC 9562 variant
  return formatUUID(b, o);
}

let subtleInstance;
let constructing = false;

function lazyWebKeys() { return require('internal/crypto/webkeys'); }

const ordinals = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th'];
const keyFormats = ['raw', 'raw-public', 'raw-secret', 'raw-private', 'raw-seed', 'spki', 'pkcs8', 'jwk'];

function checkSubtleThis(self) {
  if (!isSubtle(self)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_THIS('SubtleCrypto');
  }
}

// The WebIDL conversions of a SubtleCrypto method's arguments.
function argConverters(method) {
  const prefix = `Failed to execute '${method}' on 'SubtleCrypto'`;
  const web = lazyWebKeys();
  return {
    key(value, i) {
      if (!web.isCryptoKey(value)) {
        throw typeErrorWithCode(`${prefix}: ${ordinals[i]} argument is not of type CryptoKey.`, 'ERR_INVALID_ARG_TYPE');
      }
      return value;
    },
    bytes(value, i) { return bufferSourceBytes(method, value, ordinals[i]); },
    format(value, i) {
      const s = String(value);
      if (!keyFormats.includes(s)) {
        throw typeErrorWithCode(`${prefix}: ${ordinals[i]} argument '${s}' is not a valid enum value of type KeyFormat.`,
          'ERR_INVALID_ARG_VALUE');
      }
      return s;
    },
    usages(value, i) {
      if (value === null || typeof value !== 'object' || typeof value[Symbol.iterator] !== 'function') {
        throw typeErrorWithCode(`${prefix}: ${ordinals[i]} argument can not be converted to sequence.`,
          'ERR_INVALID_ARG_TYPE');
      }
      const out = [];
      let n = 0;
      for (const v of value) {
        const s = String(v);
        if (!web.usageOrder.includes(s)) {
          throw typeErrorWithCode(`${prefix}: ${ordinals[i]} argument[${n}] '${s}' is not a valid enum value of ` +
            'type KeyUsage.', 'ERR_INVALID_ARG_VALUE');
        }
        out.push(s);
        n++;
      }
      return out;
    },
    algorithm(value, i) {
      if (value !== null && typeof value === 'object') return value;
      if (typeof value === 'function') return value;
      return String(value);
    },
    keyData(value, i, format) {
      if (format === 'jwk') {
        if (value === null || value === undefined || typeof value !== 'object') {
          throw typeErrorWithCode(`${prefix}: ${ordinals[i]} argument can not be converted to dictionary.`,
            'ERR_INVALID_ARG_TYPE');
        }
        return value;
      }
      return this.bytes(value, i);
    },
  };
}

// Runs a SubtleCrypto method's body as an async function would: its errors reject the promise.
function run(self, method, args, required, body) {
  try {
    checkSubtleThis(self);
    checkArgs(method, args, required);
    return Promise.resolve(body(argConverters(method)));
  } catch (err) {
    return Promise.reject(err);
  }
}

function operationError(message = 'The operation failed for an operation-specific reason') {
  return domException(message, 'OperationError');
}

function keyObjectOf(key) { return lazyWebKeys().keyObjectOf(key); }
function keyHandle(key) { return require('internal/crypto/keys').handleOf(keyObjectOf(key)); }
function secretOf(key) { return require('internal/crypto/keys').secretKeyBytes(keyObjectOf(key)); }

// Checks that `key` is one of `algorithm` and may be used for `usage`.
function checkKeyFor(key, algorithm, usage) {
  const web = lazyWebKeys();
  if (web.internalAlgorithm(key).name !== algorithm.name) {
    throw domException('Key algorithm mismatch', 'InvalidAccessError');
  }
  if (!web.internalUsages(key).includes(usage)) {
    throw domException(`Unable to use this key to ${usage}`, 'InvalidAccessError');
  }
}

function bindingCall(fn) {
  try {
    return fn();
  } catch {
    throw operationError();
  }
}

// ---- sign / verify ----------------------------------------------------------------------------

function signOrVerify(algorithm, key, data, signature) {
  const web = lazyWebKeys();
  const verifying = signature !== undefined;
  const keyAlg = web.internalAlgorithm(key);
  const ko = keyObjectOf(key);
  const name = algorithm.name;
  if (name === 'HMAC' || name === 'KMAC128' || name === 'KMAC256') {
    let mac;
    if (name === 'HMAC') {
      const h = binding.hmacNew(web.bindingHash[keyAlg.hash.name], secretOf(key));
      binding.hashUpdate(h, data);
      mac = new Uint8Array(binding.hashDigest(h, 0));
    } else {
      const bits = algorithm.outputLength;
      if (bits % 8 !== 0) throw domException('Unsupported KmacParams outputLength', 'NotSupportedError');
      mac = new Uint8Array(binding.webKmac(name === 'KMAC128' ? 128 : 256, secretOf(key), data,
        algorithm.customization, bits / 8));
    }
    if (!verifying) return mac.buffer;
    return mac.length === signature.length && binding.timingSafeEqual(mac, signature);
  }
  const wanted = verifying ? 'public' : 'private';
  if (ko.type !== wanted) {
    throw domException(`Key must be a ${wanted} key`, 'InvalidAccessError');
  }
  const opts = {};
  if (name === 'RSASSA-PKCS1-v1_5') {
    opts.hash = web.bindingHash[keyAlg.hash.name];
    opts.padding = 1;
  } else if (name === 'RSA-PSS') {
    opts.hash = web.bindingHash[keyAlg.hash.name];
    opts.padding = 6;
    opts.saltLength = algorithm.saltLength;
    // The salt fits beside the digest in the encoded message, or the operation fails.
    const max = Math.ceil((keyAlg.modulusLength - 1) / 8) - binding.hashInfo(opts.hash).size - 2;
    if (algorithm.saltLength > max) {
      const { codes } = require('internal/errors');
      const cause = new codes.ERR_OUT_OF_RANGE('algorithm.saltLength', `>= 0 && <= ${max}`, algorithm.saltLength);
      const { DOMException } = require('internal/dom_exception');
      throw new DOMException('The operation failed for an operation-specific reason', { name: 'OperationError', cause });
    }
  } else if (name === 'ECDSA') {
    opts.hash = web.bindingHash[algorithm.hash.name];
    opts.p1363 = true;
  } else if (name === 'Ed448' && algorithm.context !== undefined && algorithm.context.length > 0) {
    if (algorithm.context.length > 255) throw operationError();
    const handle = keyHandle(key);
    if (!verifying) return bindingCall(() => binding.webEd448(handle, data, algorithm.context, undefined));
    return new Uint8Array(bindingCall(() => binding.webEd448(handle, data, algorithm.context, signature)))[0] === 1;
  }
  const handle = keyHandle(key);
  if (!verifying) return bindingCall(() => binding.sign(handle, data, false, opts));
  try {
    return binding.verify(handle, data, false, signature, opts);
  } catch {
    return false;
  }
}

// ---- encrypt / decrypt --------------------------------------------------------------------------

const gcmTagLengths = [32, 64, 96, 104, 112, 120, 128];

function cipher(algorithm, key, data, encrypt) {
  const name = algorithm.name;
  if (name === 'RSA-OAEP') {
    const ko = keyObjectOf(key);
    const wanted = encrypt ? 'public' : 'private';
    if (ko.type !== wanted) throw domException(`The requested operation is not valid for the provided key`, 'InvalidAccessError');
    const hash = lazyWebKeys().bindingHash[lazyWebKeys().internalAlgorithm(key).hash.name];
    return bindingCall(() => binding.rsaCrypt(keyHandle(key), encrypt ? 0 : 1, data, 4, hash, algorithm.label));
  }
  const params = {};
  switch (name) {
    case 'AES-CBC':
      if (algorithm.iv.length !== 16) throw operationError('algorithm.iv must contain exactly 16 bytes');
      params.iv = algorithm.iv;
      break;
    case 'AES-CTR':
      if (algorithm.counter.length !== 16) throw operationError('algorithm.counter must contain exactly 16 bytes');
      if (algorithm.length === 0 || algorithm.length > 128) {
        throw operationError('AES-CTR algorithm.length must be between 1 and 128');
      }
      params.counter = algorithm.counter;
      params.length = algorithm.length;
      break;
    case 'AES-GCM':
    case 'AES-OCB':
    case 'ChaCha20-Poly1305': {
      const tagLength = algorithm.tagLength === undefined ? 128 : algorithm.tagLength;
      if (name === 'AES-GCM' && !gcmTagLengths.includes(tagLength)) {
        throw operationError(`${tagLength} is not a valid AES-GCM tag length`);
      }
      if (name === 'AES-OCB' && ![64, 96, 128].includes(tagLength)) {
        throw operationError(`${tagLength} is not a valid AES-OCB tag length`);
      }
      if (name === 'AES-OCB' && (algorithm.iv.length < 1 || algorithm.iv.length > 15)) {
        throw operationError('algorithm.iv must contain between 1 and 15 bytes');
      }
      if (name === 'ChaCha20-Poly1305') {
        if (algorithm.iv.length !== 12) throw operationError('algorithm.iv must contain exactly 12 bytes');
        if (tagLength !== 128) throw operationError(`${tagLength} is not a valid ChaCha20-Poly1305 tag length`);
      }
      if (!encrypt && data.length < tagLength / 8) throw operationError();
      params.iv = algorithm.iv;
      params.additionalData = algorithm.additionalData;
      params.tagLength = tagLength;
      break;
    }
    default:
      break;
  }
  return bindingCall(() => binding.webCipher(name, encrypt, secretOf(key), data, params));
}

// ---- deriveBits ---------------------------------------------------------------------------------

function deriveBits(algorithm, baseKey, length) {
  const web = lazyWebKeys();
  const name = algorithm.name;
  if (name === 'ECDH' || name === 'X25519' || name === 'X448') {
    const pub = algorithm.public;
    if (pub.type !== 'public') throw domException('algorithm.public must be a public key', 'InvalidAccessError');
    if (baseKey.type !== 'private') throw domException('baseKey must be a private key', 'InvalidAccessError');
    const pubAlg = web.internalAlgorithm(pub);
    const baseAlg = web.internalAlgorithm(baseKey);
    if (pubAlg.name !== baseAlg.name) throw domException('key algorithm mismatch', 'InvalidAccessError');
    if (name === 'ECDH' && pubAlg.namedCurve !== baseAlg.namedCurve) {
      throw domException('Named curve mismatch', 'InvalidAccessError');
    }
    const secret = new Uint8Array(bindingCall(() => binding.keyAgree(keyHandle(baseKey), keyHandle(pub))));
    if (length === null) return secret.buffer;
    if (length > secret.length * 8) throw operationError('derived bit length is too small');
    const out = secret.slice(0, Math.ceil(length / 8));
    if (length % 8) out[out.length - 1] &= 0xff << (8 - (length % 8));
    return out.buffer;
  }
  if (length === null) throw operationError('length cannot be null');
  if (length % 8 !== 0) throw operationError('length must be a multiple of 8');
  const bytes = length / 8;
  const secret = secretOf(baseKey);
  if (name === 'HKDF') {
    if (bytes === 0) return new ArrayBuffer(0);
    const hash = web.bindingHash[algorithm.hash.name];
    return bindingCall(() => binding.hkdf(false, hash, secret, algorithm.salt, algorithm.info, bytes));
  }
  if (name === 'PBKDF2') {
    if (algorithm.iterations === 0) throw operationError('iterations cannot be zero');
    if (bytes === 0) return new ArrayBuffer(0);
    const hash = web.bindingHash[algorithm.hash.name];
    return bindingCall(() => binding.pbkdf2(false, secret, algorithm.salt, algorithm.iterations, bytes, hash));
  }
  // Argon2
  const { nonce, parallelism, memory, passes } = algorithm;
  const version = algorithm.version === undefined ? 0x13 : algorithm.version;
  if (version !== 0x13 && version !== 0x10) throw operationError(`${version} is not a valid Argon2 version`);
  if (nonce.length < 8) throw operationError('nonce must be at least 8 bytes');
  if (parallelism === 0 || parallelism > 16777215) throw operationError('parallelism must be between 1 and 2^24-1');
  if (memory < 8 * parallelism) throw operationError('memory must be at least 8 times the degree of parallelism');
  if (passes === 0) throw operationError('passes must be at least 1');
  if (bytes < 4) throw operationError('length must be at least 32');
  const out = bindingCall(() => binding.argon2(false, name.toLowerCase(), {
    message: secret, nonce, secret: algorithm.secretValue || new Uint8Array(0),
    associatedData: algorithm.associatedData || new Uint8Array(0), parallelism, tagLength: bytes, memory, passes, version,
  }));
  if (out.byteLength === 0) throw operationError();
  return out;
}

// The length in bits of a key of `algorithm` (normalized for 'get key length'), or null.
function keyLength(algorithm) {
  const name = algorithm.name;
  if (name.startsWith('AES-')) {
    if (![128, 192, 256].includes(algorithm.length)) {
      throw operationError('AES key length must be 128, 192, or 256 bits');
    }
    return algorithm.length;
  }
  if (name === 'HMAC') {
    if (algorithm.length === undefined) return lazyWebKeys().defaultHmacLength(algorithm.hash.name);
    if (algorithm.length === 0) throw domException('HmacImportParams.length cannot be 0', 'DataError');
    return algorithm.length;
  }
  if (name === 'KMAC128' || name === 'KMAC256') {
    if (algorithm.length === undefined) return name === 'KMAC128' ? 128 : 256;
    if (algorithm.length === 0) throw domException('KmacImportParams.length cannot be 0', 'DataError');
    return algorithm.length;
  }
  if (name === 'ChaCha20-Poly1305') return 256;
  return null;
}

// A wrap/unwrap algorithm: normalized for wrapKey/unwrapKey, or else for encrypt/decrypt.
function normalizeWrap(algorithm, op, fallback) {
  const web = lazyWebKeys();
  try {
    return web.normalizeAlgorithm(algorithm, op);
  } catch (err) {
    if (err && err.name === 'NotSupportedError') return web.normalizeAlgorithm(algorithm, fallback);
    throw err;
  }
}

const warnedMethods = new Set();
function warnExperimentalMethod(name) {
  if (!warnedMethods.has(name)) {
    warnedMethods.add(name);
    process.emitWarning(`The ${name} Web Crypto API method is an experimental feature and might change at any time`,
      'ExperimentalWarning');
  }
}

// Node's ML-DSA and ML-KEM keys are not available here.
function mlUnavailable(method) {
  const { codes } = require('internal/errors');
  return new codes.ERR_NOT_IMPLEMENTED(`crypto.subtle.${method}`);
}

let isSubtle;

class SubtleCrypto {
  #brand;
  static {
    isSubtle = (v) => v !== null && typeof v === 'object' && #brand in v;
  }

  constructor() {
    if (!constructing) throw typeErrorWithCode('Illegal constructor', 'ERR_ILLEGAL_CONSTRUCTOR');
    this.#brand = true;
  }

  static supports(operation, algorithm, lengthOrAdditionalAlgorithm = null) {
    if (this !== SubtleCrypto) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_THIS('SubtleCrypto constructor');
    }
    warnExperimentalMethod('supports');
    const web = lazyWebKeys();
    const ops = { encrypt: 'encrypt', decrypt: 'decrypt', sign: 'sign', verify: 'verify', digest: 'digest',
      generateKey: 'generateKey', deriveKey: 'deriveBits', deriveBits: 'deriveBits', importKey: 'importKey',
      exportKey: 'importKey', wrapKey: 'wrapKey', unwrapKey: 'unwrapKey', getPublicKey: 'importKey' };
    const op = ops[operation];
    if (op === undefined) return false;
    try {
      if (op === 'digest') {
        normalizeDigest(algorithm);
        return true;
      }
      const alg = op === 'wrapKey' || op === 'unwrapKey'
        ? normalizeWrap(algorithm, op, op === 'wrapKey' ? 'encrypt' : 'decrypt')
        : web.normalizeAlgorithm(algorithm, op);
      if (operation === 'deriveKey') {
        if (lengthOrAdditionalAlgorithm === null) return false;
        web.normalizeAlgorithm(lengthOrAdditionalAlgorithm, 'importKey');
        keyLength(web.normalizeAlgorithm(lengthOrAdditionalAlgorithm, 'get key length'));
      }
      if (operation === 'getPublicKey') {
        return !['HMAC', 'HKDF', 'PBKDF2', 'KMAC128', 'KMAC256', 'ChaCha20-Poly1305'].includes(alg.name) &&
          !alg.name.startsWith('AES-') && !alg.name.startsWith('Argon2');
      }
      if (op === 'generateKey' && alg.name.startsWith('AES-') && ![128, 192, 256].includes(alg.length)) return false;
      return true;
    } catch {
      return false;
    }
  }

  // The digest of a copy of `data`: a Promise of an ArrayBuffer.
  digest(algorithm, data) {
    try {
      checkSubtleThis(this);
      checkArgs('digest', arguments, 2);
      const bytes = bufferSourceBytes('digest', data, '2nd');
      const alg = normalizeDigest(algorithm);
      const start = alg.cshake !== undefined
        ? (defer) => binding.cshake(defer, alg.cshake, bytes, [alg.functionName, alg.customization], alg.bits)
        : (defer) => binding.digest(defer, alg.hash, bytes, binding.hashInfo(alg.hash).size);
      // The binding copies the data before this returns; the digest comes from the loop.
      const { runJob, toArrayBuffer } = require('internal/crypto/util');
      return new Promise((resolve, reject) => {
        runJob(start, (err, out) => (err ? reject(err) : resolve(toArrayBuffer(out))));
      });
    } catch (err) {
      return Promise.reject(err);
    }
  }

  generateKey(algorithm, extractable, keyUsages) {
    return run(this, 'generateKey', arguments, 3, (c) => {
      algorithm = c.algorithm(algorithm, 0);
      extractable = Boolean(extractable);
      const usages = c.usages(keyUsages, 2);
      const web = lazyWebKeys();
      return web.generateKey(web.normalizeAlgorithm(algorithm, 'generateKey'), extractable, usages);
    });
  }

  importKey(format, keyData, algorithm, extractable, keyUsages) {
    return run(this, 'importKey', arguments, 5, (c) => {
      format = c.format(format, 0);
      const data = c.keyData(keyData, 1, format);
      algorithm = c.algorithm(algorithm, 2);
      extractable = Boolean(extractable);
      const usages = c.usages(keyUsages, 4);
      const web = lazyWebKeys();
      return web.importKey(format, data, web.normalizeAlgorithm(algorithm, 'importKey'), extractable, usages);
    });
  }

  exportKey(format, key) {
    return run(this, 'exportKey', arguments, 2, (c) => {
      format = c.format(format, 0);
      key = c.key(key, 1);
      return lazyWebKeys().exportKey(format, key);
    });
  }

  getPublicKey(key, keyUsages) {
    return run(this, 'getPublicKey', arguments, 2, (c) => {
      warnExperimentalMethod('getPublicKey');
      key = c.key(key, 0);
      const usages = c.usages(keyUsages, 1);
      return lazyWebKeys().getPublicKey(key, usages);
    });
  }

  sign(algorithm, key, data) {
    return run(this, 'sign', arguments, 3, (c) => {
      algorithm = c.algorithm(algorithm, 0);
      key = c.key(key, 1);
      data = c.bytes(data, 2);
      const alg = lazyWebKeys().normalizeAlgorithm(algorithm, 'sign');
      checkKeyFor(key, alg, 'sign');
      return signOrVerify(alg, key, data);
    });
  }

  verify(algorithm, key, signature, data) {
    return run(this, 'verify', arguments, 4, (c) => {
      algorithm = c.algorithm(algorithm, 0);
      key = c.key(key, 1);
      signature = c.bytes(signature, 2);
      data = c.bytes(data, 3);
      const alg = lazyWebKeys().normalizeAlgorithm(algorithm, 'verify');
      checkKeyFor(key, alg, 'verify');
      return signOrVerify(alg, key, data, signature);
    });
  }

  encrypt(algorithm, key, data) {
    return run(this, 'encrypt', arguments, 3, (c) => {
      algorithm = c.algorithm(algorithm, 0);
      key = c.key(key, 1);
      data = c.bytes(data, 2);
      const alg = lazyWebKeys().normalizeAlgorithm(algorithm, 'encrypt');
      checkKeyFor(key, alg, 'encrypt');
      return cipher(alg, key, data, true);
    });
  }

  decrypt(algorithm, key, data) {
    return run(this, 'decrypt', arguments, 3, (c) => {
      algorithm = c.algorithm(algorithm, 0);
      key = c.key(key, 1);
      data = c.bytes(data, 2);
      const alg = lazyWebKeys().normalizeAlgorithm(algorithm, 'decrypt');
      checkKeyFor(key, alg, 'decrypt');
      return cipher(alg, key, data, false);
    });
  }

  deriveBits(algorithm, baseKey, length = null) {
    return run(this, 'deriveBits', arguments, 2, (c) => {
      algorithm = c.algorithm(algorithm, 0);
      baseKey = c.key(baseKey, 1);
      if (length !== null) length = enforceLength(length, 'deriveBits');
      const web = lazyWebKeys();
      const alg = web.normalizeAlgorithm(algorithm, 'deriveBits');
      if (!web.internalUsages(baseKey).includes('deriveBits')) {
        throw domException('baseKey does not have deriveBits usage', 'InvalidAccessError');
      }
      if (web.internalAlgorithm(baseKey).name !== alg.name) {
        throw domException('Key algorithm mismatch', 'InvalidAccessError');
      }
      return deriveBits(alg, baseKey, length);
    });
  }

  deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) {
    return run(this, 'deriveKey', arguments, 5, (c) => {
      algorithm = c.algorithm(algorithm, 0);
      baseKey = c.key(baseKey, 1);
      derivedKeyAlgorithm = c.algorithm(derivedKeyAlgorithm, 2);
      extractable = Boolean(extractable);
      const usages = c.usages(keyUsages, 4);
      const web = lazyWebKeys();
      const alg = web.normalizeAlgorithm(algorithm, 'deriveBits');
      const importAlg = web.normalizeAlgorithm(derivedKeyAlgorithm, 'importKey');
      const lengthAlg = web.normalizeAlgorithm(derivedKeyAlgorithm, 'get key length');
      if (!web.internalUsages(baseKey).includes('deriveKey')) {
        throw domException('baseKey does not have deriveKey usage', 'InvalidAccessError');
      }
      if (web.internalAlgorithm(baseKey).name !== alg.name) {
        throw domException('Key algorithm mismatch', 'InvalidAccessError');
      }
      const bits = deriveBits(alg, baseKey, keyLength(lengthAlg));
      return web.importKey('raw-secret', new Uint8Array(bits), importAlg, extractable, usages);
    });
  }

  wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    return run(this, 'wrapKey', arguments, 4, (c) => {
      format = c.format(format, 0);
      key = c.key(key, 1);
      wrappingKey = c.key(wrappingKey, 2);
      wrapAlgorithm = c.algorithm(wrapAlgorithm, 3);
      const web = lazyWebKeys();
      const alg = normalizeWrap(wrapAlgorithm, 'wrapKey', 'encrypt');
      checkKeyFor(wrappingKey, alg, 'wrapKey');
      let bytes = web.exportKey(format, key);
      if (format === 'jwk') {
        bytes = new TextEncoder().encode(JSON.stringify(bytes));
      } else {
        bytes = new Uint8Array(bytes);
      }
      if (alg.name === 'AES-KW') {
        return bindingCall(() => binding.webCipher('AES-KW', true, secretOf(wrappingKey), bytes, {}));
      }
      return cipher(alg, wrappingKey, bytes, true);
    });
  }

  unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, keyUsages) {
    return run(this, 'unwrapKey', arguments, 7, (c) => {
      format = c.format(format, 0);
      wrappedKey = c.bytes(wrappedKey, 1);
      unwrappingKey = c.key(unwrappingKey, 2);
      unwrapAlgorithm = c.algorithm(unwrapAlgorithm, 3);
      unwrappedKeyAlgorithm = c.algorithm(unwrappedKeyAlgorithm, 4);
      extractable = Boolean(extractable);
      const usages = c.usages(keyUsages, 6);
      const web = lazyWebKeys();
      const alg = normalizeWrap(unwrapAlgorithm, 'unwrapKey', 'decrypt');
      const importAlg = web.normalizeAlgorithm(unwrappedKeyAlgorithm, 'importKey');
      checkKeyFor(unwrappingKey, alg, 'unwrapKey');
      let bytes = alg.name === 'AES-KW'
        ? bindingCall(() => binding.webCipher('AES-KW', false, secretOf(unwrappingKey), wrappedKey, {}))
        : cipher(alg, unwrappingKey, wrappedKey, false);
      bytes = new Uint8Array(bytes);
      let keyData = bytes;
      if (format === 'jwk') {
        try {
          keyData = JSON.parse(new TextDecoder().decode(bytes));
        } catch {
          throw domException('Invalid keyData', 'DataError');
        }
        if (keyData === null || typeof keyData !== 'object') throw domException('Invalid keyData', 'DataError');
      }
      return web.importKey(format, keyData, importAlg, extractable, usages);
    });
  }
}

// WebIDL's [EnforceRange] unsigned long of deriveBits' length.
function enforceLength(value, method) {
  const n = Number(value);
  if (!Number.isFinite(n)) {
    throw typeErrorWithCode(`Failed to execute '${method}' on 'SubtleCrypto': 3rd argument is not a finite number.`,
      'ERR_INVALID_ARG_VALUE');
  }
  const t = Math.trunc(n);
  if (t < 0 || t > 4294967295) {
    throw typeErrorWithCode(`Failed to execute '${method}' on 'SubtleCrypto': 3rd argument is outside the ` +
      'expected range of 0 to 4294967295.', 'ERR_OUT_OF_RANGE');
  }
  return t;
}

for (const method of ['encapsulateBits', 'encapsulateKey', 'decapsulateBits', 'decapsulateKey']) {
  const fn = {
    [method]() {
      try {
        checkSubtleThis(this);
      } catch (err) {
        return Promise.reject(err);
      }
      return Promise.reject(mlUnavailable(method));
    },
  }[method];
  Object.defineProperty(SubtleCrypto.prototype, method, { value: fn, writable: true, configurable: true });
}
for (const method of Object.getOwnPropertyNames(SubtleCrypto.prototype)) {
  if (method !== 'constructor') Object.defineProperty(SubtleCrypto.prototype, method, { enumerable: true });
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: 'SubtleCrypto', configurable: true });

function subtle() {
  if (subtleInstance === undefined) {
    constructing = true;
    try {
      subtleInstance = new SubtleCrypto();
    } finally {
      constructing = false;
    }
  }
  return subtleInstance;
}

function checkThis(self) {
  if (!isCrypto(self)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_THIS('Crypto');
  }
}

let isCrypto;

class Crypto {
  #brand;
  static {
    isCrypto = (v) => v !== null && typeof v === 'object' && #brand in v;
  }

  constructor() {
    if (!constructing) throw typeErrorWithCode('Illegal constructor', 'ERR_ILLEGAL_CONSTRUCTOR');
    this.#brand = true;
  }

  getRandomValues(data) {
    checkThis(this);
    if (!integerArrays.has(typedArrayName.call(data))) {
      throw domException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
    }
    if (data.byteLength > 65536) {
      throw domException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
    }
    binding.fillRandom(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return data;
  }

  randomUUID() {
    checkThis(this);
    return randomUUIDv4(true);
  }

  get subtle() {
    checkThis(this);
    return subtle();
  }
}
Object.defineProperty(Crypto.prototype, 'subtle', { enumerable: true });
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });
constructing = true;
const crypto = new Crypto();
constructing = false;
module.exports = { crypto, Crypto, SubtleCrypto, subtle, randomUUIDv4, formatUUID };
