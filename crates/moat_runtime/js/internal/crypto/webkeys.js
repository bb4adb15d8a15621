'use strict';
// Web Crypto's keys: CryptoKey (a KeyObject with an algorithm, usages and an extractable flag),
// the normalization of algorithm arguments, and the key management of SubtleCrypto: importKey,
// exportKey, generateKey and getPublicKey for each algorithm. The keys themselves are node:crypto's
// KeyObjects (internal/crypto/keys); their bytes live in the binding.

const { codes } = require('internal/errors');
const binding = internalBinding('crypto');

function lazyKeys() { return require('internal/crypto/keys'); }
function lazyBuffer() { return require('buffer').Buffer; }

function domException(message, name) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, name);
}

function typeErrorWithCode(message, code, Ctor = TypeError) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}

// ---- CryptoKey ------------------------------------------------------------------------------

// Each CryptoKey's internal slots: keyObject, algorithm, extractable, usages, and the copies of
// algorithm and usages its getters hand out.
const slots = new WeakMap();
let constructing = false;

function slotsOf(key) {
  const s = slots.get(key);
  if (s === undefined) throw new codes.ERR_INVALID_THIS('CryptoKey');
  return s;
}

// A copy of an algorithm dictionary: nested dictionaries and byte arrays are copied too.
function copyAlgorithm(algorithm) {
  const out = {};
  for (const key of Object.keys(algorithm)) {
    const v = algorithm[key];
    if (v instanceof Uint8Array) out[key] = new Uint8Array(v);
    else if (v !== null && typeof v === 'object') out[key] = copyAlgorithm(v);
    else out[key] = v;
  }
  return out;
}

class CryptoKey {
  constructor() {
    if (!constructing) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  get type() { return slotsOf(this).keyObject.type; }

  get extractable() { return slotsOf(this).extractable; }

  get algorithm() {
    const s = slotsOf(this);
    if (s.algorithmCopy === undefined) s.algorithmCopy = copyAlgorithm(s.algorithm);
    return s.algorithmCopy;
  }

  get usages() {
    const s = slotsOf(this);
    if (s.usagesCopy === undefined) s.usagesCopy = [...s.usages];
    return s.usagesCopy;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    if (depth < 0) return this;
    const s = slotsOf(this);
    const { inspect } = require('internal/util/inspect');
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `CryptoKey ${inspect({
      type: s.keyObject.type,
      extractable: s.extractable,
      algorithm: s.algorithm,
      usages: s.usages,
    }, opts)}`;
  }
}
for (const name of ['type', 'extractable', 'algorithm', 'usages']) {
  Object.defineProperty(CryptoKey.prototype, name, { enumerable: true });
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: 'CryptoKey', configurable: true });

function createCryptoKey(keyObject, algorithm, extractable, usages) {
  constructing = true;
  let key;
  try {
    key = new CryptoKey();
  } finally {
    constructing = false;
  }
  // Usages are kept in the order Web Crypto lists them, each once.
  const ordered = usageOrder.filter((u) => usages.includes(u));
  slots.set(key, { keyObject, algorithm, extractable, usages: ordered, algorithmCopy: undefined, usagesCopy: undefined });
  return key;
}

function isCryptoKey(v) { return v !== null && typeof v === 'object' && slots.has(v); }
function keyObjectOf(key) { return slotsOf(key).keyObject; }
function internalAlgorithm(key) { return slotsOf(key).algorithm; }
function internalUsages(key) { return slotsOf(key).usages; }

const usageOrder = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey',
  'encapsulateKey', 'encapsulateBits', 'decapsulateKey', 'decapsulateBits'];

// ---- algorithm normalization ----------------------------------------------------------------

const experimental = new Set(['Ed448', 'X448', 'AES-OCB', 'ChaCha20-Poly1305', 'KMAC128', 'KMAC256',
  'Argon2d', 'Argon2i', 'Argon2id', 'SHA3-256', 'SHA3-384', 'SHA3-512']);
const warned = new Set();
function warnExperimental(name) {
  if (experimental.has(name) && !warned.has(name)) {
    warned.add(name);
    process.emitWarning(`The ${name} Web Crypto API algorithm is an experimental feature and might change at any time`,
      'ExperimentalWarning');
  }
}

const hashNames = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'SHA3-256', 'SHA3-384', 'SHA3-512'];

// The dictionaries algorithms are converted to: each member's type and whether it is required,
// members in the order WebIDL converts them (alphabetical).
const dictionaries = {
  Algorithm: {},
  RsaHashedKeyGenParams: { hash: ['hash', true], modulusLength: ['ulong', true], publicExponent: ['bigint', true] },
  RsaHashedImportParams: { hash: ['hash', true] },
  RsaPssParams: { saltLength: ['ulong', true] },
  RsaOaepParams: { label: ['bytes', false] },
  EcKeyGenParams: { namedCurve: ['string', true] },
  EcKeyImportParams: { namedCurve: ['string', true] },
  EcdsaParams: { hash: ['hash', true] },
  EcdhKeyDeriveParams: { public: ['key', true] },
  Ed448Params: { context: ['bytes', false] },
  AesKeyGenParams: { length: ['ushort', true] },
  AesDerivedKeyParams: { length: ['ushort', true] },
  AesCtrParams: { counter: ['bytes', true], length: ['octet', true] },
  AesCbcParams: { iv: ['bytes', true] },
  AeadParams: { additionalData: ['bytes', false], iv: ['bytes', true], tagLength: ['octet', false] },
  HmacKeyGenParams: { hash: ['hash', true], length: ['ulong', false] },
  HmacImportParams: { hash: ['hash', true], length: ['ulong', false] },
  HkdfParams: { hash: ['hash', true], info: ['bytes', true], salt: ['bytes', true] },
  Pbkdf2Params: { hash: ['hash', true], iterations: ['ulong', true], salt: ['bytes', true] },
  KmacKeyGenParams: { length: ['ulong', false] },
  KmacImportParams: { length: ['ulong', false] },
  KmacParams: { customization: ['bytes', false], outputLength: ['ulong', true] },
  Argon2Params: {
    associatedData: ['bytes', false], memory: ['ulong', true], nonce: ['bytes', true],
    parallelism: ['ulong', true], passes: ['ulong', true], secretValue: ['bytes', false], version: ['octet', false],
  },
};

const rsa = ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP'];
const aes = ['AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-OCB', 'AES-KW'];
const okp = ['Ed25519', 'Ed448', 'X25519', 'X448'];
const argon = ['Argon2d', 'Argon2i', 'Argon2id'];

// For each operation, the algorithms it knows and the dictionary of their parameters.
const operations = {
  generateKey: {
    ...Object.fromEntries(rsa.map((n) => [n, 'RsaHashedKeyGenParams'])),
    ECDSA: 'EcKeyGenParams', ECDH: 'EcKeyGenParams',
    ...Object.fromEntries(aes.map((n) => [n, 'AesKeyGenParams'])),
    HMAC: 'HmacKeyGenParams',
    ...Object.fromEntries(okp.map((n) => [n, 'Algorithm'])),
    KMAC128: 'KmacKeyGenParams', KMAC256: 'KmacKeyGenParams',
    'ChaCha20-Poly1305': 'Algorithm',
  },
  importKey: {
    ...Object.fromEntries(rsa.map((n) => [n, 'RsaHashedImportParams'])),
    ECDSA: 'EcKeyImportParams', ECDH: 'EcKeyImportParams',
    ...Object.fromEntries(aes.map((n) => [n, 'Algorithm'])),
    HMAC: 'HmacImportParams',
    ...Object.fromEntries(okp.map((n) => [n, 'Algorithm'])),
    HKDF: 'Algorithm', PBKDF2: 'Algorithm',
    ...Object.fromEntries(argon.map((n) => [n, 'Algorithm'])),
    KMAC128: 'KmacImportParams', KMAC256: 'KmacImportParams',
    'ChaCha20-Poly1305': 'Algorithm',
  },
  sign: {
    'RSASSA-PKCS1-v1_5': 'Algorithm', 'RSA-PSS': 'RsaPssParams', ECDSA: 'EcdsaParams',
    Ed25519: 'Algorithm', Ed448: 'Ed448Params', HMAC: 'Algorithm', KMAC128: 'KmacParams', KMAC256: 'KmacParams',
  },
  encrypt: {
    'RSA-OAEP': 'RsaOaepParams', 'AES-CTR': 'AesCtrParams', 'AES-CBC': 'AesCbcParams', 'AES-GCM': 'AeadParams',
    'AES-OCB': 'AeadParams', 'ChaCha20-Poly1305': 'AeadParams',
  },
  deriveBits: {
    ECDH: 'EcdhKeyDeriveParams', X25519: 'EcdhKeyDeriveParams', X448: 'EcdhKeyDeriveParams',
    HKDF: 'HkdfParams', PBKDF2: 'Pbkdf2Params',
    ...Object.fromEntries(argon.map((n) => [n, 'Argon2Params'])),
  },
  'get key length': {
    ...Object.fromEntries(aes.map((n) => [n, 'AesDerivedKeyParams'])),
    HMAC: 'HmacImportParams', HKDF: 'Algorithm', PBKDF2: 'Algorithm', KMAC128: 'KmacImportParams',
    KMAC256: 'KmacImportParams', 'ChaCha20-Poly1305': 'Algorithm',
  },
  wrapKey: { 'AES-KW': 'Algorithm' },
  digest: Object.fromEntries(hashNames.map((n) => [n, 'Algorithm'])),
};
operations.verify = operations.sign;
operations.decrypt = operations.encrypt;
operations.unwrapKey = operations.wrapKey;
operations.exportKey = operations.importKey;

function normalizeError(message, code, Ctor) {
  return typeErrorWithCode(`Failed to normalize algorithm: ${message}`, code, Ctor);
}

// WebIDL's [EnforceRange] integer conversion.
function enforceRange(value, member, max) {
  const n = Number(value);
  if (!Number.isFinite(n)) throw normalizeError(`${member} in passed algorithm is not a finite number.`, 'ERR_INVALID_ARG_VALUE');
  const t = Math.trunc(n);
  if (t < 0 || t > max) {
    throw normalizeError(`${member} in passed algorithm is outside the expected range of 0 to ${max}.`,
      'ERR_OUT_OF_RANGE');
  }
  return t;
}

const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const sharedByteLength = typeof SharedArrayBuffer === 'function'
  ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get : undefined;

// Whether `v` is an ArrayBuffer (of any realm) or a SharedArrayBuffer, by their internal slots.
function isArrayBuffer(v) {
  try {
    arrayBufferByteLength.call(v);
    return true;
  } catch {
    return false;
  }
}
function isSharedArrayBuffer(v) {
  if (sharedByteLength === undefined) return false;
  try {
    sharedByteLength.call(v);
    return true;
  } catch {
    return false;
  }
}

// A copy of the bytes of a BufferSource (an ArrayBuffer or a view on one); undefined for anything
// else, 'shared' for a view on a SharedArrayBuffer.
function bufferSourceOrKind(value) {
  if (ArrayBuffer.isView(value)) {
    if (isSharedArrayBuffer(value.buffer)) return 'shared';
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  }
  if (isArrayBuffer(value)) return new Uint8Array(value).slice();
  return undefined;
}

function bufferSource(value) {
  const bytes = bufferSourceOrKind(value);
  return bytes === 'shared' ? undefined : bytes;
}

function convertMember(type, value, member) {
  switch (type) {
    case 'hash': return normalizeAlgorithm(value, 'digest');
    case 'ulong': return enforceRange(value, member, 4294967295);
    case 'ushort': return enforceRange(value, member, 65535);
    case 'octet': return enforceRange(value, member, 255);
    case 'string': return String(value);
    case 'bytes':
    case 'bigint': {
      const bytes = bufferSource(value);
      if (bytes === undefined || (type === 'bigint' && !(value instanceof Uint8Array))) {
        throw normalizeError(`${member} in passed algorithm is not instance of ` +
          `${type === 'bigint' ? 'Uint8Array' : 'ArrayBuffer, Buffer, TypedArray, or DataView'}.`, 'ERR_INVALID_ARG_TYPE');
      }
      return bytes;
    }
    case 'key':
      if (!isCryptoKey(value)) {
        throw normalizeError(`${member} in passed algorithm is not of type CryptoKey.`, 'ERR_INVALID_ARG_TYPE');
      }
      return value;
    default: return value;
  }
}

// Web Crypto's "normalize an algorithm" for `op`: the dictionary of the algorithm's parameters,
// with its canonical name.
function normalizeAlgorithm(algorithm, op) {
  let dict = algorithm;
  if (typeof algorithm === 'string' || algorithm === null || typeof algorithm !== 'object') {
    if (typeof algorithm !== 'object' && typeof algorithm !== 'function') {
      return normalizeAlgorithm({ name: String(algorithm) }, op);
    }
    if (algorithm === null) return normalizeAlgorithm({ name: 'null' }, op);
  }
  if (dict.name === undefined) {
    throw normalizeError("passed algorithm cannot be converted to 'Algorithm' because 'name' is required in " +
      "'Algorithm'.", 'ERR_MISSING_OPTION');
  }
  const wanted = String(dict.name).toUpperCase();
  const table = operations[op];
  const name = Object.keys(table).find((n) => n.toUpperCase() === wanted);
  if (name === undefined) throw domException('Unrecognized algorithm name', 'NotSupportedError');
  const dictName = table[name];
  const out = { name };
  const members = dictionaries[dictName];
  for (const member of Object.keys(members).sort()) {
    const [type, required] = members[member];
    const value = dict[member];
    if (value === undefined) {
      if (required) {
        throw normalizeError(`passed algorithm cannot be converted to '${dictName}' because '${member}' is required ` +
          `in '${dictName}'.`, 'ERR_MISSING_OPTION');
      }
      continue;
    }
    out[member] = convertMember(type, value, member);
  }
  if (op !== 'digest') warnExperimental(name);
  return out;
}

// ---- helpers ----------------------------------------------------------------------------------

function hasUsagesOutside(usages, allowed) { return usages.some((u) => !allowed.includes(u)); }

function usageError(name) {
  return domException(`Unsupported key usage for ${name} key`, 'SyntaxError');
}

function b64url(bytes) { return lazyBuffer().from(bytes).toString('base64url'); }
function fromB64url(s) { return new Uint8Array(lazyBuffer().from(String(s), 'base64url')); }

function secretKeyObject(bytes) {
  const { wrap } = lazyKeys();
  return wrap(binding.keySecret(bytes));
}

function secretBytes(keyObject) {
  return lazyKeys().secretKeyBytes(keyObject);
}

function randomBytes(n) {
  const bytes = new Uint8Array(n);
  binding.fillRandom(bytes);
  return bytes;
}

const hashBlockBits = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };

// An HMAC key's length when none is given: the hash's block size (SHA-3 has no default).
function defaultHmacLength(hash) {
  const bits = hashBlockBits[hash];
  if (bits === undefined) throw domException('Explicit algorithm length member is required', 'NotSupportedError');
  return bits;
}
const bindingHash = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512',
  'SHA3-256': 'sha3-256', 'SHA3-384': 'sha3-384', 'SHA3-512': 'sha3-512' };

// The JWK `alg` of each algorithm and hash.
const jwkAlg = {
  HMAC: { 'SHA-1': 'HS1', 'SHA-256': 'HS256', 'SHA-384': 'HS384', 'SHA-512': 'HS512' },
  'RSASSA-PKCS1-v1_5': { 'SHA-1': 'RS1', 'SHA-256': 'RS256', 'SHA-384': 'RS384', 'SHA-512': 'RS512' },
  'RSA-PSS': { 'SHA-1': 'PS1', 'SHA-256': 'PS256', 'SHA-384': 'PS384', 'SHA-512': 'PS512' },
  'RSA-OAEP': { 'SHA-1': 'RSA-OAEP', 'SHA-256': 'RSA-OAEP-256', 'SHA-384': 'RSA-OAEP-384', 'SHA-512': 'RSA-OAEP-512' },
};
const ecdsaAlg = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };
const aesAlgSuffix = { 'AES-CTR': 'CTR', 'AES-CBC': 'CBC', 'AES-GCM': 'GCM', 'AES-KW': 'KW', 'AES-OCB': 'OCB' };
const namedCurves = ['P-256', 'P-384', 'P-521'];
const curveOf = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
const curveOids = {
  'P-256': [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
  'P-384': [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22],
  'P-521': [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x23],
};
const okpOids = { Ed25519: 0x70, X25519: 0x6e, Ed448: 0x71, X448: 0x6f };
const okpPublicLength = { Ed25519: 32, X25519: 32, Ed448: 57, X448: 56 };

function derLength(n) {
  if (n < 0x80) return [n];
  if (n < 0x100) return [0x81, n];
  return [0x82, n >> 8, n & 0xff];
}
function der(tag, content) { return [tag, ...derLength(content.length), ...content]; }

// A SubjectPublicKeyInfo around a raw public key.
function spkiOf(algorithmIdentifier, publicBytes) {
  return new Uint8Array(der(0x30, [...der(0x30, algorithmIdentifier), ...der(0x03, [0, ...publicBytes])]));
}
function ecSpki(curve, point) {
  const ecPublicKey = [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
  return spkiOf([...ecPublicKey, ...curveOids[curve]], point);
}
function okpSpki(name, bytes) { return spkiOf([0x06, 0x03, 0x2b, 0x65, okpOids[name]], bytes); }

function jwkOf(keyObject) {
  return JSON.parse(binding.keyExport(lazyKeys().handleOf(keyObject), 'jwk', '', undefined, undefined));
}

function parseKey(kind, data, format, type) {
  const { wrap } = lazyKeys();
  return wrap(binding.keyParse(kind, data, format, type, undefined));
}

// The key_ops / ext / use checks of a JWK import.
function checkJwk(jwk, usages, extractable, kty, use) {
  if (jwk.kty === undefined) throw domException('Invalid keyData', 'DataError');
  if (jwk.kty !== kty) throw domException('Invalid JWK "kty" Parameter', 'DataError');
  if (usages.length > 0 && jwk.use !== undefined && jwk.use !== use) {
    throw domException('Invalid JWK "use" Parameter', 'DataError');
  }
  if (jwk.key_ops !== undefined) {
    if (!Array.isArray(jwk.key_ops)) throw domException('Invalid keyData', 'DataError');
    const seen = new Set();
    for (const op of jwk.key_ops) {
      if (seen.has(op)) throw domException('Duplicate key operation', 'DataError');
      seen.add(op);
    }
    if (usages.some((u) => !seen.has(u))) throw domException('Key operations and usage mismatch', 'DataError');
  }
  if (jwk.ext === false && extractable) {
    throw domException('JWK "ext" Parameter and extractable mismatch', 'DataError');
  }
}

function invalidKeyData(fn) {
  try {
    return fn();
  } catch {
    throw domException('Invalid keyData', 'DataError');
  }
}

function keyDetails(keyObject) { return binding.keyInfo(lazyKeys().handleOf(keyObject)); }

// The unsigned big-endian bytes of a BigInt, as RSA's publicExponent is given.
function bigIntBytes(v) {
  let hex = BigInt(v).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return new Uint8Array(lazyBuffer().from(hex, 'hex'));
}

// ---- import -----------------------------------------------------------------------------------

const rsaUsages = {
  'RSASSA-PKCS1-v1_5': [['verify'], ['sign']],
  'RSA-PSS': [['verify'], ['sign']],
  'RSA-OAEP': [['encrypt', 'wrapKey'], ['decrypt', 'unwrapKey']],
};
const ecUsages = { ECDSA: [['verify'], ['sign']], ECDH: [[], ['deriveKey', 'deriveBits']] };
const okpUsages = {
  Ed25519: [['verify'], ['sign']], Ed448: [['verify'], ['sign']],
  X25519: [[], ['deriveKey', 'deriveBits']], X448: [[], ['deriveKey', 'deriveBits']],
};
const aesUsages = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];

function unsupportedFormat(name, format) {
  return domException(`Unable to import ${name} using ${format} format`, 'NotSupportedError');
}

// importKey after its arguments were converted: format, keyData (bytes, a JWK object or a
// KeyObject), the normalized algorithm.
function importKey(format, keyData, algorithm, extractable, usages) {
  const name = algorithm.name;
  let key;
  if (rsa.includes(name)) key = importRsa(format, keyData, algorithm, extractable, usages);
  else if (name === 'ECDSA' || name === 'ECDH') key = importEc(format, keyData, algorithm, extractable, usages);
  else if (okp.includes(name)) key = importOkp(format, keyData, algorithm, extractable, usages);
  else key = importSecret(format, keyData, algorithm, extractable, usages);
  if ((key.type === 'secret' || key.type === 'private') && internalUsages(key).length === 0) {
    throw domException(`Usages cannot be empty when importing a ${key.type} key.`, 'SyntaxError');
  }
  return key;
}

function secretFromInput(format, keyData, name, extractable, usages, kty, alg) {
  if (format === 'KeyObject') return keyData;
  if (format === 'raw' || format === 'raw-secret') return secretKeyObject(keyData);
  if (format === 'jwk') {
    checkJwk(keyData, usages, extractable, 'oct', name === 'HMAC' || name.startsWith('KMAC') ? 'sig' : 'enc');
    if (typeof keyData.k !== 'string') throw domException('Invalid keyData', 'DataError');
    const bytes = fromB64url(keyData.k);
    if (alg !== undefined && keyData.alg !== undefined) {
      const expected = typeof alg === 'function' ? alg(bytes.length * 8) : alg;
      if (keyData.alg !== expected) throw domException('JWK "alg" does not match the requested algorithm', 'DataError');
    }
    return secretKeyObject(bytes);
  }
  throw unsupportedFormat(name, format);
}

function importSecret(format, keyData, algorithm, extractable, usages) {
  const name = algorithm.name;
  if (aes.includes(name)) {
    const allowed = name === 'AES-KW' ? ['wrapKey', 'unwrapKey'] : aesUsages;
    if (hasUsagesOutside(usages, allowed)) throw usageError(name);
    const ko = secretFromInput(format, keyData, name, extractable, usages, 'oct',
      (bits) => `A${bits}${aesAlgSuffix[name]}`);
    if (ko.type !== 'secret') throw domException('Invalid key type', 'DataError');
    const bits = ko.symmetricKeySize * 8;
    if (![128, 192, 256].includes(bits)) throw domException('Invalid key length', 'DataError');
    return createCryptoKey(ko, { name, length: bits }, extractable, usages);
  }
  if (name === 'ChaCha20-Poly1305') {
    if (hasUsagesOutside(usages, aesUsages)) throw usageError(name);
    if (format === 'raw') throw unsupportedFormat(name, format);
    const ko = secretFromInput(format, keyData, name, extractable, usages, 'oct', 'C20P');
    if (ko.type !== 'secret') throw domException('Invalid key type', 'DataError');
    if (ko.symmetricKeySize !== 32) throw domException('Invalid key length', 'DataError');
    return createCryptoKey(ko, { name }, extractable, usages);
  }
  if (name === 'HMAC' || name === 'KMAC128' || name === 'KMAC256') {
    if (hasUsagesOutside(usages, ['sign', 'verify'])) throw usageError(name);
    const jwkName = name === 'HMAC' ? jwkAlg.HMAC[algorithm.hash.name] : (name === 'KMAC128' ? 'K128' : 'K256');
    const ko = secretFromInput(format, keyData, name, extractable, usages, 'oct', jwkName);
    if (ko.type !== 'secret') throw domException('Invalid key type', 'DataError');
    const bits = ko.symmetricKeySize * 8;
    if (bits === 0) throw domException('Zero-length key is not supported', 'DataError');
    let length = bits;
    if (algorithm.length !== undefined) {
      if (algorithm.length === 0) throw domException(`${name === 'HMAC' ? 'Hmac' : 'Kmac'}ImportParams.length cannot be 0`, 'DataError');
      if (algorithm.length > bits || algorithm.length <= bits - 8) throw domException('Invalid key length', 'DataError');
      length = algorithm.length;
    }
    const alg = name === 'HMAC' ? { name, length, hash: { name: algorithm.hash.name } } : { name, length };
    return createCryptoKey(ko, alg, extractable, usages);
  }
  // HKDF, PBKDF2, Argon2: raw key material, never extractable.
  if (hasUsagesOutside(usages, ['deriveKey', 'deriveBits'])) {
    throw domException(`Unsupported key usage for a ${name} key`, 'SyntaxError');
  }
  if (format !== 'raw' && format !== 'raw-secret' && format !== 'KeyObject') throw unsupportedFormat(name, format);
  if (extractable) throw domException(`${name} keys are not extractable`, 'SyntaxError');
  const ko = format === 'KeyObject' ? keyData : secretKeyObject(keyData);
  if (ko.type !== 'secret') throw domException('Invalid key type', 'DataError');
  return createCryptoKey(ko, { name }, false, usages);
}

// Splits usages checked against the public and private sets of an asymmetric algorithm.
function checkAsymmetricUsages(name, isPublic, usages, table) {
  const [pub, priv] = table[name];
  if (hasUsagesOutside(usages, isPublic ? pub : priv)) throw usageError(name);
}

function asymmetricFromInput(format, keyData, name) {
  switch (format) {
    case 'KeyObject': return keyData;
    case 'spki': return invalidKeyData(() => parseKey('public', keyData, 'der', 'spki'));
    case 'pkcs8': return invalidKeyData(() => parseKey('private', keyData, 'der', 'pkcs8'));
    default: throw unsupportedFormat(name, format);
  }
}

function importRsa(format, keyData, algorithm, extractable, usages) {
  const name = algorithm.name;
  let ko;
  if (format === 'jwk') {
    const isPublic = keyData.d === undefined;
    checkAsymmetricUsages(name, isPublic, usages, rsaUsages);
    checkJwk(keyData, usages, extractable, 'RSA', name === 'RSA-OAEP' ? 'enc' : 'sig');
    if (keyData.alg !== undefined && keyData.alg !== jwkAlg[name][algorithm.hash.name]) {
      throw domException('JWK "alg" does not match the requested algorithm', 'DataError');
    }
    ko = invalidKeyData(() => parseKey(isPublic ? 'public' : 'private', JSON.stringify(keyData), 'jwk', ''));
  } else {
    if (format === 'spki') checkAsymmetricUsages(name, true, usages, rsaUsages);
    else if (format === 'pkcs8') checkAsymmetricUsages(name, false, usages, rsaUsages);
    ko = asymmetricFromInput(format, keyData, name);
    if (format === 'KeyObject') checkAsymmetricUsages(name, ko.type === 'public', usages, rsaUsages);
  }
  if (ko.type === 'secret' || ko.asymmetricKeyType !== 'rsa') throw domException('Invalid key type', 'DataError');
  const details = ko.asymmetricKeyDetails;
  return createCryptoKey(ko, {
    name,
    modulusLength: details.modulusLength,
    publicExponent: bigIntBytes(details.publicExponent),
    hash: { name: algorithm.hash.name },
  }, extractable, usages);
}

function importEc(format, keyData, algorithm, extractable, usages) {
  const { name, namedCurve } = algorithm;
  if (!namedCurves.includes(namedCurve)) throw domException('Unrecognized namedCurve', 'NotSupportedError');
  let ko;
  if (format === 'jwk') {
    const isPublic = keyData.d === undefined;
    checkAsymmetricUsages(name, isPublic, usages, ecUsages);
    checkJwk(keyData, usages, extractable, 'EC', name === 'ECDSA' ? 'sig' : 'enc');
    if (keyData.crv !== namedCurve) throw domException('JWK "crv" does not match the requested algorithm', 'DataError');
    if (name === 'ECDSA' && keyData.alg !== undefined && keyData.alg !== ecdsaAlg[namedCurve]) {
      throw domException('JWK "alg" does not match the requested algorithm', 'DataError');
    }
    ko = invalidKeyData(() => parseKey(isPublic ? 'public' : 'private', JSON.stringify(keyData), 'jwk', ''));
  } else if (format === 'raw' || format === 'raw-public') {
    checkAsymmetricUsages(name, true, usages, ecUsages);
    ko = invalidKeyData(() => parseKey('public', ecSpki(namedCurve, keyData), 'der', 'spki'));
  } else {
    if (format === 'spki') checkAsymmetricUsages(name, true, usages, ecUsages);
    else if (format === 'pkcs8') checkAsymmetricUsages(name, false, usages, ecUsages);
    ko = asymmetricFromInput(format, keyData, name);
    if (format === 'KeyObject') checkAsymmetricUsages(name, ko.type === 'public', usages, ecUsages);
  }
  if (ko.type === 'secret' || ko.asymmetricKeyType !== 'ec') throw domException('Invalid key type', 'DataError');
  if (curveOf[ko.asymmetricKeyDetails.namedCurve] !== namedCurve) throw domException('Named curve mismatch', 'DataError');
  return createCryptoKey(ko, { name, namedCurve }, extractable, usages);
}

function importOkp(format, keyData, algorithm, extractable, usages) {
  const name = algorithm.name;
  let ko;
  if (format === 'jwk') {
    const isPublic = keyData.d === undefined;
    checkAsymmetricUsages(name, isPublic, usages, okpUsages);
    checkJwk(keyData, usages, extractable, 'OKP', name.startsWith('Ed') ? 'sig' : 'enc');
    if (keyData.crv !== name) throw domException('JWK "crv" Parameter and algorithm name mismatch', 'DataError');
    if (name.startsWith('Ed') && keyData.alg !== undefined && keyData.alg !== name && keyData.alg !== 'EdDSA') {
      throw domException('JWK "alg" does not match the requested algorithm', 'DataError');
    }
    ko = invalidKeyData(() => parseKey(isPublic ? 'public' : 'private', JSON.stringify(keyData), 'jwk', ''));
  } else if (format === 'raw' || format === 'raw-public') {
    checkAsymmetricUsages(name, true, usages, okpUsages);
    if (keyData.length !== okpPublicLength[name]) throw domException('Invalid keyData', 'DataError');
    ko = invalidKeyData(() => parseKey('public', okpSpki(name, keyData), 'der', 'spki'));
  } else {
    if (format === 'spki') checkAsymmetricUsages(name, true, usages, okpUsages);
    else if (format === 'pkcs8') checkAsymmetricUsages(name, false, usages, okpUsages);
    ko = asymmetricFromInput(format, keyData, name);
    if (format === 'KeyObject') checkAsymmetricUsages(name, ko.type === 'public', usages, okpUsages);
  }
  if (ko.type === 'secret' || ko.asymmetricKeyType !== name.toLowerCase()) {
    throw domException('Invalid key type', 'DataError');
  }
  return createCryptoKey(ko, { name }, extractable, usages);
}

// ---- export -----------------------------------------------------------------------------------

function exportKey(format, key) {
  const s = slotsOf(key);
  if (!s.extractable) throw domException('key is not extractable', 'InvalidAccessError');
  const ko = s.keyObject;
  const { name } = s.algorithm;
  const type = ko.type;
  const unable = () => domException(`Unable to export ${name} ${type} key using ${format} format`, 'NotSupportedError');
  const handle = lazyKeys().handleOf(ko);
  switch (format) {
    case 'raw':
    case 'raw-secret':
    case 'raw-public': {
      if (type === 'secret') {
        if (format === 'raw-public' || name === 'ChaCha20-Poly1305' && format === 'raw') throw unable();
        return secretBytes(ko).buffer;
      }
      if (type !== 'public' || format === 'raw-secret') throw unable();
      const jwk = jwkOf(ko);
      if (jwk.kty === 'EC') {
        const x = fromB64url(jwk.x);
        const y = fromB64url(jwk.y);
        const out = new Uint8Array(1 + x.length + y.length);
        out[0] = 4;
        out.set(x, 1);
        out.set(y, 1 + x.length);
        return out.buffer;
      }
      if (jwk.kty === 'OKP') return fromB64url(jwk.x).buffer;
      throw unable();
    }
    case 'spki':
      if (type !== 'public') throw unable();
      return new Uint8Array(binding.keyExport(handle, 'der', 'spki', undefined, undefined)).buffer;
    case 'pkcs8':
      if (type !== 'private') throw unable();
      return new Uint8Array(binding.keyExport(handle, 'der', 'pkcs8', undefined, undefined)).buffer;
    case 'jwk': {
      const jwk = { key_ops: [...s.usages], ext: s.extractable };
      const alg = s.algorithm;
      if (type === 'secret') {
        if (aes.includes(name)) jwk.alg = `A${alg.length}${aesAlgSuffix[name]}`;
        else if (name === 'HMAC') {
          if (jwkAlg.HMAC[alg.hash.name] !== undefined) jwk.alg = jwkAlg.HMAC[alg.hash.name];
        }
        else if (name === 'KMAC128') jwk.alg = 'K128';
        else if (name === 'KMAC256') jwk.alg = 'K256';
        else if (name === 'ChaCha20-Poly1305') jwk.alg = 'C20P';
        else throw unable();
      } else if (rsa.includes(name)) {
        if (jwkAlg[name][alg.hash.name] !== undefined) jwk.alg = jwkAlg[name][alg.hash.name];
      } else if (name === 'ECDSA') {
        jwk.alg = ecdsaAlg[alg.namedCurve];
      } else if (name === 'Ed25519' || name === 'Ed448') {
        jwk.alg = name;
      }
      const body = jwkOf(ko);
      if (body.kty === 'OKP') {
        // crv, then the key's members.
        jwk.crv = body.crv;
        if (body.d !== undefined) jwk.d = body.d;
        jwk.x = body.x;
        jwk.kty = body.kty;
        return jwk;
      }
      return Object.assign(jwk, body);
    }
    default:
      throw unable();
  }
}

// ---- generation -------------------------------------------------------------------------------

function generateKey(algorithm, extractable, usages) {
  const name = algorithm.name;
  if (rsa.includes(name) || name === 'ECDSA' || name === 'ECDH' || okp.includes(name)) {
    return generatePair(algorithm, extractable, usages);
  }
  let bytes;
  let alg;
  if (aes.includes(name)) {
    const allowed = name === 'AES-KW' ? ['wrapKey', 'unwrapKey'] : aesUsages;
    if (hasUsagesOutside(usages, allowed)) throw usageError(name);
    if (![128, 192, 256].includes(algorithm.length)) {
      throw domException('AES key length must be 128, 192, or 256 bits', 'OperationError');
    }
    bytes = randomBytes(algorithm.length / 8);
    alg = { name, length: algorithm.length };
  } else if (name === 'ChaCha20-Poly1305') {
    if (hasUsagesOutside(usages, aesUsages)) throw usageError(name);
    bytes = randomBytes(32);
    alg = { name };
  } else {
    // HMAC and KMAC.
    if (hasUsagesOutside(usages, ['sign', 'verify'])) throw usageError(name);
    let length = algorithm.length;
    if (length === undefined) {
      length = name === 'HMAC' ? defaultHmacLength(algorithm.hash.name) : (name === 'KMAC128' ? 128 : 256);
    } else if (length === 0) {
      throw domException(`${name === 'HMAC' ? 'Hmac' : 'Kmac'}KeyGenParams.length cannot be 0`, 'OperationError');
    }
    bytes = randomBytes(Math.ceil(length / 8));
    if (length % 8) bytes[bytes.length - 1] &= 0xff << (8 - (length % 8));
    alg = name === 'HMAC' ? { name, length, hash: { name: algorithm.hash.name } } : { name, length };
  }
  if (usages.length === 0) throw domException('Usages cannot be empty when creating a key.', 'SyntaxError');
  return createCryptoKey(secretKeyObject(bytes), alg, extractable, usages);
}

function generatePair(algorithm, extractable, usages) {
  const name = algorithm.name;
  const { generateKeyPairSync } = lazyKeys();
  let pair;
  let alg;
  let table;
  if (rsa.includes(name)) {
    table = rsaUsages;
    checkPairUsages(name, usages, table);
    const e = algorithm.publicExponent;
    let exponent = 0;
    for (const b of e) exponent = exponent * 256 + b;
    if (exponent > 0xffffffff) {
      throw domException('The publicExponent must be equivalent to an unsigned 32-bit value', 'OperationError');
    }
    try {
      pair = generateKeyPairSync('rsa', { modulusLength: algorithm.modulusLength, publicExponent: exponent });
    } catch {
      throw domException('The operation failed for an operation-specific reason', 'OperationError');
    }
    alg = { name, modulusLength: algorithm.modulusLength, publicExponent: new Uint8Array(e),
      hash: { name: algorithm.hash.name } };
  } else if (name === 'ECDSA' || name === 'ECDH') {
    table = ecUsages;
    if (!namedCurves.includes(algorithm.namedCurve)) throw domException('Unrecognized namedCurve', 'NotSupportedError');
    checkPairUsages(name, usages, table);
    pair = generateKeyPairSync('ec', { namedCurve: algorithm.namedCurve });
    alg = { name, namedCurve: algorithm.namedCurve };
  } else {
    table = okpUsages;
    checkPairUsages(name, usages, table);
    pair = generateKeyPairSync(name.toLowerCase());
    alg = { name };
  }
  const [pub, priv] = table[name];
  const privateUsages = usages.filter((u) => priv.includes(u));
  if (privateUsages.length === 0) throw domException('Usages cannot be empty when creating a key.', 'SyntaxError');
  return {
    publicKey: createCryptoKey(pair.publicKey, alg, true, usages.filter((u) => pub.includes(u))),
    privateKey: createCryptoKey(pair.privateKey, copyAlgorithm(alg), extractable, privateUsages),
  };
}

function checkPairUsages(name, usages, table) {
  const [pub, priv] = table[name];
  if (hasUsagesOutside(usages, [...pub, ...priv])) throw usageError(name);
}

// ---- getPublicKey -----------------------------------------------------------------------------

function getPublicKey(key, usages) {
  const s = slotsOf(key);
  if (s.keyObject.type === 'secret') throw domException('key must be a private key', 'NotSupportedError');
  if (s.keyObject.type !== 'private') throw domException('key must be a private key', 'InvalidAccessError');
  const name = s.algorithm.name;
  const table = rsa.includes(name) ? rsaUsages : (name === 'ECDSA' || name === 'ECDH') ? ecUsages : okpUsages;
  if (hasUsagesOutside(usages, table[name][0])) throw usageError(name);
  const { createPublicKey } = lazyKeys();
  return createCryptoKey(createPublicKey(s.keyObject), copyAlgorithm(s.algorithm), true, usages);
}

// ---- KeyObject.prototype.toCryptoKey --------------------------------------------------------------

function keyObjectToCryptoKey(keyObject, algorithm, extractable, keyUsages) {
  const alg = normalizeAlgorithm(algorithm, 'importKey');
  const usages = [...keyUsages];
  return importKey('KeyObject', keyObject, alg, Boolean(extractable), usages);
}

module.exports = {
  CryptoKey,
  createCryptoKey,
  isCryptoKey,
  keyObjectOf,
  keyObjectToCryptoKey,
  internalAlgorithm,
  internalUsages,
  normalizeAlgorithm,
  importKey,
  exportKey,
  generateKey,
  getPublicKey,
  operations,
  defaultHmacLength,
  bindingHash,
  bufferSource,
  bufferSourceOrKind,
  domException,
  typeErrorWithCode,
  usageOrder,
};
