'use strict';
// globalThis.crypto (also crypto.webcrypto): random values and UUIDs from the OS's generator (the
// host's, in the sandbox), and SubtleCrypto, of which digest() is implemented so far; each other
// method rejects with ERR_NOT_IMPLEMENTED naming itself.
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
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
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

function bufferSourceBytes(method, value, position) {
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer)) {
    return new Uint8Array(value);
  }
  throw typeErrorWithCode(`Failed to execute '${method}' on 'SubtleCrypto': ${position} argument is not instance of ` +
    'ArrayBuffer, Buffer, TypedArray, or DataView.', 'ERR_INVALID_ARG_TYPE');
}

// ---- UUIDs --------------------------------------------------------------------------------

const hexByte = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));

function formatUUID(b, o) {
  const h = hexByte;
  return `${h[b[o]]}${h[b[o + 1]]}${h[b[o + 2]]}${h[b[o + 3]]}-${h[b[o + 4]]}${h[b[o + 5]]}-` +
    `${h[b[o + 6]]}${h[b[o + 7]]}-${h[b[o + 8]]}${h[b[o + 9]]}-` +
    `${h[b[o + 10]]}${h[b[o + 11]]}${h[b[o + 12]]}${h[b[o + 13]]}${h[b[o + 14]]}${h[b[o + 15]]}`;
}

// Random bytes for 128 UUIDs at a time, as Node's entropy cache keeps them.
const uuidCache = new Uint8Array(16 * 128);
let uuidOffset = uuidCache.length;

// A version 4 UUID: from the cache, or from bytes drawn for it alone.
function randomUUIDv4(useCache) {
  let b = uuidCache;
  let o;
  if (useCache) {
    if (uuidOffset === uuidCache.length) {
      binding.fillRandom(uuidCache);
      uuidOffset = 0;
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

class SubtleCrypto {
  constructor() {
    if (!constructing) throw typeErrorWithCode('Illegal constructor', 'ERR_ILLEGAL_CONSTRUCTOR');
  }

  // The digest of a copy of `data`: a Promise of an ArrayBuffer.
  digest(algorithm, data) {
    try {
      if (!(this instanceof SubtleCrypto)) {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_THIS('SubtleCrypto');
      }
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
}

for (const method of ['encrypt', 'decrypt', 'sign', 'verify', 'generateKey', 'deriveKey', 'deriveBits',
  'importKey', 'exportKey', 'wrapKey', 'unwrapKey', 'getPublicKey', 'encapsulateBits', 'encapsulateKey',
  'decapsulateBits', 'decapsulateKey']) {
  const fn = {
    [method]() {
      const { codes } = require('internal/errors');
      return Promise.reject(new codes.ERR_NOT_IMPLEMENTED(`crypto.subtle.${method}`));
    },
  }[method];
  Object.defineProperty(SubtleCrypto.prototype, method, { value: fn, writable: true, configurable: true });
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
  if (!(self instanceof Crypto)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_THIS('Crypto');
  }
}

class Crypto {
  constructor() {
    if (!constructing) throw typeErrorWithCode('Illegal constructor', 'ERR_ILLEGAL_CONSTRUCTOR');
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

  get subtle() { return subtle(); }
}
Object.defineProperty(Crypto.prototype, 'subtle', { enumerable: true });
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });
constructing = true;
const crypto = new Crypto();
constructing = false;
module.exports = { crypto, Crypto, SubtleCrypto, subtle, randomUUIDv4, formatUUID };
