'use strict';
// KeyObject and the functions that make keys: createSecretKey, createPublicKey, createPrivateKey,
// generateKey(Sync), generateKeyPair(Sync), and diffieHellman() over key objects. The key itself
// lives in the binding (a handle); parsing and encoding (PEM, DER, JWK) happen there.

const { codes } = require('internal/errors');
const {
  validateObject, validateString, validateFunction, validateUint32, validateInt32, validateInteger, validateOneOf,
} = require('internal/validators');
const { binding, isAnyArrayBuffer, bytesOf, toBuffer, lazyBuffer } = require('internal/crypto/util');

const kHandle = Symbol('kHandle');
const kKeyType = Symbol('kKeyType');
const kDetails = Symbol('kDetails');

const keyTypes = ['secret', 'public', 'private'];

function handleOf(key) { return key[kHandle]; }

class KeyObject {
  constructor(type, handle) {
    if (!keyTypes.includes(type)) throw new codes.ERR_INVALID_ARG_VALUE('type', type);
    if (handle === null || typeof handle !== 'object' || !isHandle(handle)) {
      throw new codes.ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    Object.defineProperty(this, kKeyType, { value: type, enumerable: false, configurable: false, writable: false });
    Object.defineProperty(this, kHandle, { value: handle, enumerable: false, configurable: false, writable: false });
  }

  get type() { return this[kKeyType]; }

  static from(key) {
    const web = lazyWeb();
    if (!web || !web.isCryptoKey(key)) throw new codes.ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    return web.keyObjectOf(key);
  }

  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) {
      throw new codes.ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    return otherKeyObject.type === this.type && binding.keyEquals(this[kHandle], otherKeyObject[kHandle]);
  }

  toCryptoKey(algorithm, extractable, keyUsages) {
    const web = lazyWeb();
    return web.keyObjectToCryptoKey(this, algorithm, extractable, keyUsages);
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, { value: 'KeyObject', configurable: true });

function lazyWeb() {
  try { return require('internal/crypto/webkeys'); } catch { return null; }
}

// Handles are objects the binding made; anything else is refused.
let probeHandle;
function isHandle(h) {
  if (probeHandle === undefined) probeHandle = Object.getPrototypeOf(binding.keySecret(new Uint8Array(0)));
  return Object.getPrototypeOf(h) === probeHandle;
}

class SecretKeyObject extends KeyObject {
  constructor(handle) { super('secret', handle); }

  get symmetricKeySize() { return binding.keyInfo(this[kHandle]).size; }

  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      validateOneOf(options.format, 'options.format', [undefined, 'buffer', 'jwk']);
      if (options.format === 'jwk') return JSON.parse(binding.keyExport(this[kHandle], 'jwk', '', undefined, undefined));
    }
    return toBuffer(new Uint8Array(binding.keySecretBytes(this[kHandle])));
  }
}

class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() {
    return binding.keyInfo(this[kHandle]).asymmetricKeyType;
  }

  get asymmetricKeyDetails() {
    if (this[kDetails] === undefined) {
      Object.defineProperty(this, kDetails, { value: binding.keyInfo(this[kHandle]).details, enumerable: false });
    }
    return { ...this[kDetails] };
  }
}

// The encoding options of export() and of generateKeyPair's *KeyEncoding.
function parseEncoding(options, kind, prefix = 'options.') {
  const format = options.format;
  if (format === 'jwk') return { format };
  if (format !== 'pem' && format !== 'der') {
    throw new codes.ERR_INVALID_ARG_VALUE(`${prefix}format`, format);
  }
  const type = options.type;
  const types = kind === 'public' ? ['pkcs1', 'spki'] : ['pkcs1', 'pkcs8', 'sec1'];
  if (!types.includes(type)) throw new codes.ERR_INVALID_ARG_VALUE(`${prefix}type`, type);
  const out = { format, type, cipher: undefined, passphrase: undefined };
  if (kind === 'private') {
    const { cipher, passphrase } = options;
    if (cipher !== undefined) {
      if (typeof cipher !== 'string') throw new codes.ERR_INVALID_ARG_VALUE(`${prefix}cipher`, cipher);
      if (format === 'der' && (type === 'pkcs1' || type === 'sec1')) {
        throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'does not support encryption');
      }
      if (typeof passphrase !== 'string' && !ArrayBuffer.isView(passphrase) && !isAnyArrayBuffer(passphrase)) {
        throw new codes.ERR_INVALID_ARG_VALUE(`${prefix}passphrase`, passphrase);
      }
      out.cipher = cipher.toLowerCase();
      out.passphrase = passphraseBytes(passphrase, options.encoding, `${prefix}passphrase`);
    } else if (passphrase !== undefined) {
      throw new codes.ERR_INVALID_ARG_VALUE(`${prefix}cipher`, cipher);
    }
  }
  return out;
}

function passphraseBytes(passphrase, encoding, name) {
  if (typeof passphrase === 'string') return lazyBuffer().from(passphrase, encoding || 'utf8');
  if (ArrayBuffer.isView(passphrase) || isAnyArrayBuffer(passphrase)) return bytesOf(passphrase);
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], passphrase);
}

function exportKey(key, kind, options) {
  validateObject(options, 'options');
  const enc = parseEncoding(options, kind);
  if (enc.format === 'jwk' && key.asymmetricKeyType === 'dsa') throw new codes.ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE();
  if (enc.format === 'jwk') return JSON.parse(binding.keyExport(key[kHandle], 'jwk', '', undefined, undefined));
  const keyType = key.asymmetricKeyType;
  if (enc.type === 'pkcs1' && keyType !== 'rsa') {
    throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('pkcs1', 'can only be used for RSA keys');
  }
  if (enc.type === 'sec1' && keyType !== 'ec') {
    throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('sec1', 'can only be used for EC keys');
  }
  const out = callBinding(() => binding.keyExport(key[kHandle], enc.format, enc.type, enc.cipher, enc.passphrase));
  return typeof out === 'string' ? out : toBuffer(new Uint8Array(out));
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('public', handle); }
  export(options) { return exportKey(this, 'public', options); }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('private', handle); }
  export(options) { return exportKey(this, 'private', options); }
}

function isKeyObject(v) { return v instanceof KeyObject; }

function wrap(handle) {
  const type = binding.keyInfo(handle).type;
  if (type === 'secret') return new SecretKeyObject(handle);
  if (type === 'public') return new PublicKeyObject(handle);
  return new PrivateKeyObject(handle);
}

// The binding's tagged errors as Node's.
function callBinding(fn) {
  try {
    return fn();
  } catch (err) {
    throw mapError(err);
  }
}

function mapError(err) {
  if (err === null || typeof err !== 'object' || err.code !== undefined || typeof err.message !== 'string') return err;
  const [tag, detail] = err.message.split(/:(.*)/s);
  switch (tag) {
    case 'ERR_MISSING_PASSPHRASE': return new codes.ERR_MISSING_PASSPHRASE();
    case 'ERR_CRYPTO_INVALID_JWK': {
      if (detail === 'kty') return new codes.ERR_CRYPTO_INVALID_JWK();
      if (detail === 'crv') return new codes.ERR_CRYPTO_INVALID_JWK();
      return new codes.ERR_CRYPTO_INVALID_JWK();
    }
    case 'ERR_NOT_IMPLEMENTED': return new codes.ERR_NOT_IMPLEMENTED(`crypto: ${detail}`);
    case 'ERR_CRYPTO_INVALID_CURVE': return new codes.ERR_CRYPTO_INVALID_CURVE();
    case 'ERR_CRYPTO_INVALID_DIGEST': return new codes.ERR_CRYPTO_INVALID_DIGEST(detail || '');
    case 'ERR_CRYPTO_UNKNOWN_CIPHER': return new codes.ERR_CRYPTO_UNKNOWN_CIPHER();
    case 'ERR_KEYGEN_FAILED': return new codes.ERR_CRYPTO_OPERATION_FAILED('Key generation job failed');
    case 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS': return new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE('unsupported', 'supported');
    default: return err;
  }
}

// ---- making key objects ---------------------------------------------------------------------

const keyLikeTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'];

function isCryptoKey(v) {
  const web = lazyWeb();
  return web !== null && web.isCryptoKey(v);
}

// The (data, format, type, passphrase) of a key input as createPublicKey/createPrivateKey take it.
function prepareAsymmetric(key, kind) {
  if (typeof key === 'string' || ArrayBuffer.isView(key) || isAnyArrayBuffer(key)) {
    return { data: dataBytes(key, 'utf8'), format: 'pem', type: '' };
  }
  if (key === null || typeof key !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('key', keyLikeTypes, key);
  }
  if (isKeyObject(key) || isCryptoKey(key)) return { keyObject: isKeyObject(key) ? key : KeyObject.from(key) };
  const { key: data, format = 'pem', type, encoding, passphrase } = key;
  if (isKeyObject(data) || isCryptoKey(data)) return { keyObject: isKeyObject(data) ? data : KeyObject.from(data) };
  if (format === 'jwk') {
    validateObject(data, 'key.key');
    return { data: JSON.stringify(data), format: 'jwk', type: '' };
  }
  if (typeof data !== 'string' && !ArrayBuffer.isView(data) && !isAnyArrayBuffer(data)) {
    throw new codes.ERR_INVALID_ARG_TYPE('key.key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (format !== 'pem' && format !== 'der') throw new codes.ERR_INVALID_ARG_VALUE('key.format', format);
  let t = '';
  if (format === 'der') {
    const allowed = kind === 'public' ? ['pkcs1', 'spki', 'pkcs8', 'sec1'] : ['pkcs1', 'pkcs8', 'sec1'];
    if (!allowed.includes(type)) throw new codes.ERR_INVALID_ARG_VALUE('key.type', type);
    t = type;
  }
  const pass = passphrase === undefined || passphrase === null ? undefined : passphraseBytes(passphrase, encoding, 'key.passphrase');
  return { data: dataBytes(data, encoding), format, type: t, passphrase: pass };
}

function dataBytes(v, encoding) {
  if (typeof v === 'string') {
    const Buffer = lazyBuffer();
    return Buffer.from(v, Buffer.isEncoding(encoding) ? encoding : 'utf8');
  }
  return bytesOf(v);
}

function createPublicKey(key) {
  const p = prepareAsymmetric(key, 'public');
  if (p.keyObject) {
    const ko = p.keyObject;
    if (ko.type === 'private') return new PublicKeyObject(binding.keyPublic(ko[kHandle]));
    if (ko.type === 'public') return ko;
    throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(ko.type, 'private');
  }
  return new PublicKeyObject(callBinding(() => binding.keyParse('public', p.data, p.format, p.type, p.passphrase)));
}

function createPrivateKey(key) {
  const p = prepareAsymmetric(key, 'private');
  if (p.keyObject) {
    const ko = p.keyObject;
    if (ko.type === 'private') return ko;
    throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(ko.type, 'private');
  }
  return new PrivateKeyObject(callBinding(() => binding.keyParse('private', p.data, p.format, p.type, p.passphrase)));
}

function createSecretKey(key, encoding) {
  if (typeof key === 'string') {
    const Buffer = lazyBuffer();
    key = Buffer.from(key, Buffer.isEncoding(encoding) ? encoding : 'utf8');
  } else if (isKeyObject(key)) {
    if (key.type !== 'secret') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
    return key;
  } else if (!ArrayBuffer.isView(key) && !isAnyArrayBuffer(key)) {
    throw new codes.ERR_INVALID_ARG_TYPE('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string'], key);
  }
  return new SecretKeyObject(binding.keySecret(bytesOf(key)));
}

// The KeyObject behind a CryptoKey, or undefined for anything else.
function keyObjectFromCryptoKey(v) {
  return isCryptoKey(v) ? KeyObject.from(v) : undefined;
}

// The bytes of a 'secret' key object (for ciphers and HMAC).
function secretKeyBytes(keyObject) {
  return new Uint8Array(binding.keySecretBytes(keyObject[kHandle]));
}

// A private key as the signing functions take it: a KeyObject, CryptoKey or anything
// createPrivateKey takes; a public key where only a public key will do (verify) may also come
// from a private key.
function preparePrivateKey(key) {
  if (isKeyObject(key)) {
    if (key.type !== 'private') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
    return key;
  }
  return createPrivateKey(key);
}

function preparePublicOrPrivateKey(key) {
  if (isKeyObject(key)) {
    if (key.type === 'secret') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
    return key;
  }
  if (isCryptoKey(key)) return KeyObject.from(key);
  const inner = key !== null && typeof key === 'object' && !ArrayBuffer.isView(key) && !isAnyArrayBuffer(key) ? key.key : key;
  if (isKeyObject(inner)) return preparePublicOrPrivateKey(inner);
  // A PEM private key verifies with its public half.
  const p = prepareAsymmetric(key, 'public');
  if (p.format === 'pem') {
    const text = lazyBuffer().from(p.data.buffer, p.data.byteOffset, p.data.byteLength).toString('latin1');
    if (/-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/.test(text)) {
      return new PrivateKeyObject(callBinding(() => binding.keyParse('private', p.data, 'pem', '', p.passphrase)));
    }
  } else if (p.format === 'der' && p.type !== 'spki' && !(p.type === 'pkcs1' && isPkcs1Public(p.data))) {
    try {
      return new PrivateKeyObject(binding.keyParse('private', p.data, 'der', p.type, p.passphrase));
    } catch { /* a public key after all */ }
  } else if (p.format === 'jwk' && JSON.parse(p.data).d !== undefined) {
    return new PrivateKeyObject(callBinding(() => binding.keyParse('private', p.data, 'jwk', '', undefined)));
  }
  return new PublicKeyObject(callBinding(() => binding.keyParse('public', p.data, p.format, p.type, p.passphrase)));
}

// A PKCS#1 RSAPublicKey is a SEQUENCE of two INTEGERs; an RSAPrivateKey starts with a version 0.
function isPkcs1Public(bytes) {
  return bytes.length > 4 && !(bytes[2] === 0x02 && bytes[3] === 0x01 && bytes[4] === 0x00);
}

// ---- generation -----------------------------------------------------------------------------

const pairTypes = ['rsa', 'rsa-pss', 'dsa', 'ec', 'ed25519', 'ed448', 'x25519', 'x448', 'dh',
  'ml-dsa-44', 'ml-dsa-65', 'ml-dsa-87', 'ml-kem-512', 'ml-kem-768', 'ml-kem-1024'];

function checkPairOptions(type, options) {
  validateString(type, 'type');
  if (!pairTypes.includes(type)) {
    throw new codes.ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  if (options !== undefined || ['rsa', 'rsa-pss', 'dsa', 'ec', 'dh'].includes(type)) validateObject(options, 'options');
  const o = options || {};
  const params = {};
  switch (type) {
    case 'rsa':
    case 'rsa-pss': {
      validateUint32(o.modulusLength, 'options.modulusLength');
      params.modulusLength = o.modulusLength;
      if (o.publicExponent !== undefined) {
        validateUint32(o.publicExponent, 'options.publicExponent');
        params.publicExponent = o.publicExponent;
      }
      if (type === 'rsa-pss') {
        const { hashAlgorithm, mgf1HashAlgorithm, saltLength } = o;
        if (saltLength !== undefined) validateInteger(saltLength, 'options.saltLength', 0, 2 ** 31 - 1);
        if (hashAlgorithm !== undefined) validateString(hashAlgorithm, 'options.hashAlgorithm');
        if (mgf1HashAlgorithm !== undefined) validateString(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm');
        if (hashAlgorithm !== undefined && !binding.hashInfo(hashAlgorithm)) {
          throw new codes.ERR_CRYPTO_INVALID_DIGEST(hashAlgorithm);
        }
        if (mgf1HashAlgorithm !== undefined && !binding.hashInfo(mgf1HashAlgorithm)) {
          const err = new codes.ERR_CRYPTO_INVALID_DIGEST(mgf1HashAlgorithm);
          err.message = `Invalid MGF1 digest: ${mgf1HashAlgorithm}`;
          throw err;
        }
        params.hashAlgorithm = hashAlgorithm;
        params.mgf1HashAlgorithm = mgf1HashAlgorithm !== undefined ? mgf1HashAlgorithm : hashAlgorithm;
        params.saltLength = saltLength;
        if (saltLength === undefined && hashAlgorithm !== undefined) {
          const info = binding.hashInfo(hashAlgorithm);
          if (info) params.saltLength = info.size;
        }
      }
      break;
    }
    case 'ec':
      validateString(o.namedCurve, 'options.namedCurve');
      if (o.paramEncoding !== undefined && o.paramEncoding !== 'named' && o.paramEncoding !== 'explicit') {
        throw new codes.ERR_INVALID_ARG_VALUE('options.paramEncoding', o.paramEncoding);
      }
      params.namedCurve = o.namedCurve;
      if ((o.publicKeyEncoding && o.publicKeyEncoding.format === 'jwk') ||
          (o.privateKeyEncoding && o.privateKeyEncoding.format === 'jwk')) {
        if (!['P-256', 'prime256v1', 'secp256r1', 'P-384', 'secp384r1', 'P-521', 'secp521r1', 'secp256k1'].includes(o.namedCurve)) {
          throw new codes.ERR_CRYPTO_JWK_UNSUPPORTED_CURVE(o.namedCurve);
        }
      }
      break;
    case 'dsa':
      validateUint32(o.modulusLength, 'options.modulusLength');
      params.modulusLength = o.modulusLength;
      if (o.divisorLength !== undefined && o.divisorLength !== null) {
        validateInt32(o.divisorLength, 'options.divisorLength', 0);
        params.divisorLength = o.divisorLength;
      }
      break;
    case 'dh': {
      const { group, prime, primeLength, generator } = o;
      if (group !== undefined && group !== null) {
        for (const [name, value] of [['prime', prime], ['primeLength', primeLength], ['generator', generator]]) {
          if (value !== undefined && value !== null) throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('group', name);
        }
        validateString(group, 'options.group');
        const dh = require('internal/crypto/diffiehellman');
        let groupObject;
        try {
          groupObject = dh.getDiffieHellman(group);
        } catch {
          throw new codes.ERR_CRYPTO_UNKNOWN_DH_GROUP();
        }
        params.prime = groupObject.getPrime();
        params.generator = groupObject.getGenerator().reduce((a, b) => a * 256 + b, 0);
      } else if (prime !== undefined && prime !== null) {
        if (primeLength !== undefined && primeLength !== null) {
          throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('prime', 'primeLength');
        }
        if (!ArrayBuffer.isView(prime) && !isAnyArrayBuffer(prime)) {
          throw new codes.ERR_INVALID_ARG_TYPE('options.prime', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], prime);
        }
        params.prime = bytesOf(prime);
      } else if (primeLength !== undefined && primeLength !== null) {
        validateInt32(primeLength, 'options.primeLength', 0);
      } else {
        throw new codes.ERR_MISSING_OPTION('At least one of the group, prime, or primeLength options');
      }
      if (group === undefined || group === null) {
        if (generator !== undefined && generator !== null) validateInt32(generator, 'options.generator', 0);
        params.generator = generator === undefined || generator === null ? 2 : generator;
        if (params.prime === undefined) {
          // A new safe prime of that length, as createDiffieHellman(primeLength) makes it.
          params.prime = require('internal/crypto/diffiehellman')
            .createDiffieHellman(primeLength, params.generator).getPrime();
        }
      }
      break;
    }
    default:
      break;
  }
  const encodings = {};
  for (const which of ['publicKeyEncoding', 'privateKeyEncoding']) {
    const enc = o[which];
    if (enc === undefined) continue;
    if (enc === null || typeof enc !== 'object') throw new codes.ERR_INVALID_ARG_VALUE(`options.${which}`, enc);
    const kind = which === 'publicKeyEncoding' ? 'public' : 'private';
    encodings[kind] = parseEncoding(enc, kind, `options.${which}.`);
    encodings[kind].raw = enc;
    // Checked before the (possibly long) generation.
    const encType = encodings[kind].type;
    if (encType === 'pkcs1' && type !== 'rsa') {
      throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('pkcs1', 'can only be used for RSA keys');
    }
    if (encType === 'sec1' && type !== 'ec') {
      throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('sec1', 'can only be used for EC keys');
    }
  }
  return { params, encodings };
}

function encodePair(type, pair, encodings) {
  const [pub, priv] = pair;
  const publicKey = new PublicKeyObject(pub);
  const privateKey = new PrivateKeyObject(priv);
  const out = (key, kind) => {
    const enc = encodings[kind];
    if (enc === undefined) return key;
    return exportKey(key, kind, enc.raw);
  };
  return { publicKey: out(publicKey, 'public'), privateKey: out(privateKey, 'private') };
}

function generateKeyPairSync(type, options) {
  const { params, encodings } = checkPairOptions(type, options);
  return encodePair(type, callBinding(() => binding.keyGenerate(type, params)), encodings);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const { params, encodings } = checkPairOptions(type, options);
  setImmediate(() => {
    let result;
    try {
      result = encodePair(type, callBinding(() => binding.keyGenerate(type, params)), encodings);
    } catch (err) {
      callback(err);
      return;
    }
    callback(null, result.publicKey, result.privateKey);
  });
}
Object.defineProperty(generateKeyPair, Symbol.for('nodejs.util.promisify.customArgs'),
  { value: ['publicKey', 'privateKey'], enumerable: false });

function secretKeyLength(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  if (type === 'hmac') {
    validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
  } else if (type === 'aes') {
    validateOneOf(length, 'options.length', [128, 192, 256]);
  } else {
    throw new codes.ERR_INVALID_ARG_VALUE('type', type, "must be a supported key type");
  }
  return length;
}

function generateKeySync(type, options) {
  const length = secretKeyLength(type, options);
  const bytes = new Uint8Array(Math.floor(length / 8));
  require('internal/crypto/random').randomFillSync(bytes);
  return new SecretKeyObject(binding.keySecret(bytes));
}

function generateKey(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const length = secretKeyLength(type, options);
  setImmediate(() => {
    const bytes = new Uint8Array(Math.floor(length / 8));
    require('internal/crypto/random').randomFillSync(bytes);
    callback(null, new SecretKeyObject(binding.keySecret(bytes)));
  });
}

// ---- key agreement --------------------------------------------------------------------------

function diffieHellman(options, callback) {
  validateObject(options, 'options');
  if (callback !== undefined) validateFunction(callback, 'callback');
  const { privateKey, publicKey } = options;
  if (!isKeyObject(privateKey)) throw new codes.ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  if (!isKeyObject(publicKey)) throw new codes.ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  if (privateKey.type !== 'private') throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(privateKey.type, 'private');
  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(publicKey.type, 'private or public');
  }
  const a = privateKey.asymmetricKeyType;
  const b = publicKey.asymmetricKeyType;
  if (a !== b) throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY('key types for Diffie-Hellman', `${a} and ${b}`);
  const agree = () => {
    try {
      return toBuffer(new Uint8Array(binding.keyAgree(privateKey[kHandle], publicKey[kHandle])));
    } catch (err) {
      if (err && err.code === undefined && /^ERR_CRYPTO_INCOMPATIBLE_KEY/.test(err.message)) {
        throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY('key types for Diffie-Hellman', `${a} and ${b}`);
      }
      if (err && err.code === undefined && /^ERR_CRYPTO_OPERATION_FAILED/.test(err.message)) {
        throw new codes.ERR_CRYPTO_OPERATION_FAILED('Failed to derive shared secret');
      }
      throw err;
    }
  };
  if (callback === undefined) return agree();
  setImmediate(() => {
    let secret;
    try {
      secret = agree();
    } catch (err) {
      callback(err);
      return;
    }
    callback(null, secret);
  });
}

// ---- key encapsulation (ML-KEM) --------------------------------------------------------------

// Runs a KEM operation now, or for a callback on a later turn. A failed operation is Node's
// ERR_CRYPTO_OPERATION_FAILED synchronously, and 'Deriving bits failed' in a callback.
function kemCall(fn, what, callback) {
  const run = () => {
    try {
      return fn();
    } catch (err) {
      if (err && err.code === undefined && /^ERR_CRYPTO_OPERATION_FAILED/.test(err.message)) {
        throw callback === undefined ? new codes.ERR_CRYPTO_OPERATION_FAILED(`Failed to perform ${what}`) :
          new Error('Deriving bits failed');
      }
      throw mapError(err);
    }
  };
  if (callback === undefined) return run();
  setImmediate(() => {
    let result;
    try {
      result = run();
    } catch (err) {
      callback(err);
      return;
    }
    callback(null, result);
  });
}

function encapsulate(key, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  const k = preparePublicOrPrivateKey(key);
  return kemCall(() => {
    const [sharedKey, ciphertext] = binding.keyEncapsulate(k[kHandle]);
    return { sharedKey: toBuffer(new Uint8Array(sharedKey)), ciphertext: toBuffer(new Uint8Array(ciphertext)) };
  }, 'encapsulation', callback);
}

function decapsulate(key, ciphertext, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  const k = preparePrivateKey(key);
  let ct;
  if (typeof ciphertext === 'string') {
    ct = lazyBuffer().from(ciphertext, 'utf8');
  } else if (ArrayBuffer.isView(ciphertext) || isAnyArrayBuffer(ciphertext)) {
    ct = new Uint8Array(bytesOf(ciphertext));
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('ciphertext', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
      ciphertext);
  }
  return kemCall(() => toBuffer(new Uint8Array(binding.keyDecapsulate(k[kHandle], ct))), 'decapsulation', callback);
}

module.exports = {
  encapsulate,
  decapsulate,
  KeyObject,
  SecretKeyObject,
  PublicKeyObject,
  PrivateKeyObject,
  createSecretKey,
  createPublicKey,
  createPrivateKey,
  generateKey,
  generateKeySync,
  generateKeyPair,
  generateKeyPairSync,
  diffieHellman,
  // For the other parts of crypto.
  isKeyObject,
  secretKeyBytes,
  keyObjectFromCryptoKey,
  preparePrivateKey,
  preparePublicOrPrivateKey,
  handleOf,
  wrap,
  mapError,
  kHandle,
};
