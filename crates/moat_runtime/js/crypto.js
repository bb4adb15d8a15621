'use strict';
// node:crypto. Implemented: hashing (createHash, hash, getHashes), HMAC, random bytes, integers and
// UUIDs, PBKDF2, scrypt, HKDF, timingSafeEqual, constants and Web Crypto's digest. Ciphers, keys,
// signatures, Diffie-Hellman, X.509 and the rest are not yet: each of those exports throws
// ERR_NOT_IMPLEMENTED naming itself.

const { codes, thrower } = require('internal/errors');
const hashing = require('internal/crypto/hash');
const random = require('internal/crypto/random');
const derive = require('internal/crypto/derive');
const cipher = require('internal/crypto/cipher');
const dh = require('internal/crypto/diffiehellman');
const prime = require('internal/crypto/prime');
const x509 = require('internal/crypto/x509');
const keys = require('internal/crypto/keys');
const sig = require('internal/crypto/sig');
const { binding, isAnyArrayBuffer, bytesOf } = require('internal/crypto/util');

function lazyWeb() { return require('internal/crypto/web'); }

// buf1 and buf2 compared in time that does not depend on where they differ.
function timingSafeEqual(buf1, buf2) {
  for (const [name, value] of [['buf1', buf1], ['buf2', buf2]]) {
    if (!ArrayBuffer.isView(value) && !isAnyArrayBuffer(value)) {
      const err = new TypeError(`The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
  }
  const a = bytesOf(buf1);
  const b = bytesOf(buf2);
  if (a.byteLength !== b.byteLength) throw new codes.ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  return binding.timingSafeEqual(a, b);
}

function getRandomValues(array) {
  return lazyWeb().crypto.getRandomValues(array);
}

// FIPS mode needs a FIPS-validated provider, which moat does not have.
function getFips() { return 0; }

// TLS and OpenSSL option values, as Node lists them; OPENSSL_VERSION_NUMBER is the level
// process.versions.openssl names (3.5.7).
const constants = {
  __proto__: null,
  OPENSSL_VERSION_NUMBER: 0x30500070,
  SSL_OP_ALL: 2147485776,
  SSL_OP_ALLOW_NO_DHE_KEX: 1024,
  SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION: 262144,
  SSL_OP_CIPHER_SERVER_PREFERENCE: 4194304,
  SSL_OP_CISCO_ANYCONNECT: 32768,
  SSL_OP_COOKIE_EXCHANGE: 8192,
  SSL_OP_CRYPTOPRO_TLSEXT_BUG: 2147483648,
  SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: 2048,
  SSL_OP_LEGACY_SERVER_CONNECT: 4,
  SSL_OP_NO_COMPRESSION: 131072,
  SSL_OP_NO_ENCRYPT_THEN_MAC: 524288,
  SSL_OP_NO_QUERY_MTU: 4096,
  SSL_OP_NO_RENEGOTIATION: 1073741824,
  SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION: 65536,
  SSL_OP_NO_SSLv2: 0,
  SSL_OP_NO_SSLv3: 33554432,
  SSL_OP_NO_TICKET: 16384,
  SSL_OP_NO_TLSv1: 67108864,
  SSL_OP_NO_TLSv1_1: 268435456,
  SSL_OP_NO_TLSv1_2: 134217728,
  SSL_OP_NO_TLSv1_3: 536870912,
  SSL_OP_PRIORITIZE_CHACHA: 2097152,
  SSL_OP_TLS_ROLLBACK_BUG: 8388608,
  ENGINE_METHOD_RSA: 1,
  ENGINE_METHOD_DSA: 2,
  ENGINE_METHOD_DH: 4,
  ENGINE_METHOD_RAND: 8,
  ENGINE_METHOD_EC: 2048,
  ENGINE_METHOD_CIPHERS: 64,
  ENGINE_METHOD_DIGESTS: 128,
  ENGINE_METHOD_PKEY_METHS: 512,
  ENGINE_METHOD_PKEY_ASN1_METHS: 1024,
  ENGINE_METHOD_ALL: 65535,
  ENGINE_METHOD_NONE: 0,
  DH_CHECK_P_NOT_SAFE_PRIME: 2,
  DH_CHECK_P_NOT_PRIME: 1,
  DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8,
  RSA_PKCS1_PADDING: 1,
  RSA_NO_PADDING: 3,
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
  defaultCoreCipherList: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
    'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
    'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:' +
    'ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:' +
    '!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
  TLS1_VERSION: 769,
  TLS1_1_VERSION: 770,
  TLS1_2_VERSION: 771,
  TLS1_3_VERSION: 772,
  POINT_CONVERSION_COMPRESSED: 2,
  POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
};
// The default of tls's cipher list; settable, as in Node.
constants.defaultCipherList = constants.defaultCoreCipherList;

const notYet = (name) => thrower(`crypto.${name}`);

// Old names of randomBytes: randomBytes itself, or under --pending-deprecation a wrapper that
// warns (DEP0115, once for all three).
let warnedOldName = false;
function oldName(name) {
  if (!require('internal/options').hasFlag('--pending-deprecation')) return random.randomBytes;
  return function deprecated(...args) {
    if (!warnedOldName) {
      warnedOldName = true;
      process.emitWarning(`crypto.${name} is deprecated.`, 'DeprecationWarning', 'DEP0115');
    }
    return Reflect.apply(random.randomBytes, this, args);
  };
}

// In the order Node lists its exports.
module.exports = {
  argon2: derive.argon2,
  argon2Sync: derive.argon2Sync,
  checkPrime: prime.checkPrime,
  checkPrimeSync: prime.checkPrimeSync,
  createCipheriv: cipher.createCipheriv,
  createDecipheriv: cipher.createDecipheriv,
  createDiffieHellman: dh.createDiffieHellman,
  createDiffieHellmanGroup: dh.createDiffieHellmanGroup,
  createECDH: dh.createECDH,
  createHash: hashing.createHash,
  createHmac: hashing.createHmac,
  createPrivateKey: keys.createPrivateKey,
  createPublicKey: keys.createPublicKey,
  createSecretKey: keys.createSecretKey,
  createSign: sig.createSign,
  createVerify: sig.createVerify,
  diffieHellman: keys.diffieHellman,
  generatePrime: prime.generatePrime,
  generatePrimeSync: prime.generatePrimeSync,
  getCiphers: cipher.getCiphers,
  getCipherInfo: cipher.getCipherInfo,
  getCurves: dh.getCurves,
  getDiffieHellman: dh.getDiffieHellman,
  getHashes: hashing.getHashes,
  hkdf: derive.hkdf,
  hkdfSync: derive.hkdfSync,
  pbkdf2: derive.pbkdf2,
  pbkdf2Sync: derive.pbkdf2Sync,
  generateKeyPair: keys.generateKeyPair,
  generateKeyPairSync: keys.generateKeyPairSync,
  generateKey: keys.generateKey,
  generateKeySync: keys.generateKeySync,
  privateDecrypt: sig.privateDecrypt,
  privateEncrypt: sig.privateEncrypt,
  publicDecrypt: sig.publicDecrypt,
  publicEncrypt: sig.publicEncrypt,
  randomBytes: random.randomBytes,
  randomFill: random.randomFill,
  randomFillSync: random.randomFillSync,
  randomInt: random.randomInt,
  randomUUID: random.randomUUID,
  randomUUIDv7: random.randomUUIDv7,
  scrypt: derive.scrypt,
  scryptSync: derive.scryptSync,
  sign: sig.sign,
  setEngine: notYet('setEngine'),
  timingSafeEqual,
  getFips,
  setFips: notYet('setFips'),
  verify: sig.verify,
  hash: hashing.hash,
  encapsulate: keys.encapsulate,
  decapsulate: keys.decapsulate,
  Certificate: x509.Certificate,
  Cipheriv: cipher.Cipheriv,
  Decipheriv: cipher.Decipheriv,
  DiffieHellman: dh.DiffieHellman,
  DiffieHellmanGroup: dh.DiffieHellmanGroup,
  ECDH: dh.ECDH,
  Hash: hashing.DeprecatedHash,
  Hmac: hashing.DeprecatedHmac,
  KeyObject: keys.KeyObject,
  Sign: sig.Sign,
  Verify: sig.Verify,
  X509Certificate: x509.X509Certificate,
  secureHeapUsed: notYet('secureHeapUsed'),
  constants,
};

// Web Crypto, loaded when first used: the same objects as globalThis.crypto and its subtle.
Object.defineProperties(module.exports, {
  webcrypto: { get: () => lazyWeb().crypto, configurable: true, enumerable: true },
  subtle: { get: () => lazyWeb().crypto.subtle, configurable: true, enumerable: true },
  getRandomValues: { value: getRandomValues, writable: true, configurable: true, enumerable: true },
  prng: { value: oldName('prng'), writable: true, configurable: true, enumerable: false },
  pseudoRandomBytes: { value: oldName('pseudoRandomBytes'), writable: true, configurable: true, enumerable: false },
  rng: { value: oldName('rng'), writable: true, configurable: true, enumerable: false },
});
