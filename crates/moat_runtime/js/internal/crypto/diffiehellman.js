'use strict';
// Finite-field Diffie-Hellman (DiffieHellman, DiffieHellmanGroup, the MODP groups), ECDH and getCurves.
//
// Each object keeps its parameters and keys as Buffers (big-endian, leading zeros dropped, as
// OpenSSL's numbers are); the binding does the arithmetic on them.

const { codes, opensslError } = require('internal/errors');
const { validateString, validateInt32 } = require('internal/validators');
const { binding, isAnyArrayBuffer, bytesOf, lazyBuffer } = require('internal/crypto/util');

const kHandle = Symbol('kHandle');

// OpenSSL's bounds on a DH modulus that keys can be made and agreed with, in bits.
const DH_MIN_BITS = 512;
const DH_MAX_BITS = 10000;

// Errors Node raises from its native half: plain errors carrying a code.
function nativeError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}


const badGenerator = () =>
  opensslError('02800065', 'Diffie-Hellman routines', 'bad generator', 'ERR_OSSL_DH_BAD_GENERATOR');

const keyTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

// A key argument as bytes: a string in `encoding` (UTF-8 for 'buffer' or none), or the bytes of
// an ArrayBuffer or view.
function keyBytes(value, name, encoding) {
  if (typeof value === 'string') {
    const Buffer = lazyBuffer();
    return Buffer.from(value, encoding === 'buffer' || !encoding ? 'utf8' : encoding);
  }
  if (isAnyArrayBuffer(value) || ArrayBuffer.isView(value)) return bytesOf(value);
  throw new codes.ERR_INVALID_ARG_TYPE(name, keyTypes, value);
}

// A copy of `bytes` without its leading zeros, as a Buffer.
function number(bytes) {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  return lazyBuffer().from(bytes.subarray(i));
}

function bitLength(bytes) {
  return bytes.length === 0 ? 0 : (bytes.length - 1) * 8 + (32 - Math.clz32(bytes[0]));
}

// A result as a string in `encoding`, or as a Buffer for 'buffer' or none.
function encode(bytes, encoding) {
  const buf = lazyBuffer().from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding && encoding !== 'buffer') return buf.toString(encoding);
  return buf;
}

function isEncoding(e) {
  return typeof e === 'string' && (e === 'buffer' || lazyBuffer().isEncoding(e));
}

function intBytes(n) {
  const out = [];
  while (n > 0) { out.unshift(n & 0xff); n = Math.floor(n / 256); }
  return lazyBuffer().from(out);
}

function defineVerifyError(obj, value) {
  Object.defineProperty(obj, 'verifyError', { value, enumerable: true, writable: false, configurable: false });
}

function setHandle(obj, state) {
  Object.defineProperty(obj, kHandle, { value: state, enumerable: false, writable: false, configurable: false });
}

// ---- DiffieHellman ---------------------------------------------------------------------------

function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (!(this instanceof DiffieHellman)) return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' &&
      !ArrayBuffer.isView(sizeOrKey) && !isAnyArrayBuffer(sizeOrKey)) {
    throw new codes.ERR_INVALID_ARG_TYPE('sizeOrKey', ['number', ...keyTypes], sizeOrKey);
  }
  if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');
  // A second argument that is no encoding is the generator.
  if (keyEncoding && !isEncoding(keyEncoding)) {
    genEncoding = generator;
    generator = keyEncoding;
    keyEncoding = false;
  }
  keyEncoding = keyEncoding || 'buffer';
  genEncoding = genEncoding || 'buffer';
  if (!generator) {
    generator = 2;
  } else if (typeof generator === 'number') {
    validateInt32(generator, 'generator');
  } else if (typeof generator === 'string') {
    generator = keyBytes(generator, 'generator', genEncoding);
  } else if (!ArrayBuffer.isView(generator) && !isAnyArrayBuffer(generator)) {
    throw new codes.ERR_INVALID_ARG_TYPE('generator', ['number', ...keyTypes], generator);
  }

  let prime, g;
  if (typeof sizeOrKey === 'number') {
    if (typeof generator !== 'number') {
      throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Second argument must be an int32');
    }
    if (sizeOrKey < 2) {
      throw opensslError('0280007E', 'Diffie-Hellman routines', 'modulus too small', 'ERR_OSSL_DH_MODULUS_TOO_SMALL');
    }
    if (generator < 2) throw badGenerator();
    if (sizeOrKey < DH_MIN_BITS || sizeOrKey > DH_MAX_BITS) {
      throw nativeError(TypeError, 'ERR_INVALID_ARG_VALUE', 'Invalid DH parameters');
    }
    prime = number(new Uint8Array(binding.dhGeneratePrime(sizeOrKey, generator)));
    g = intBytes(generator);
  } else {
    prime = number(keyBytes(sizeOrKey, 'sizeOrKey', keyEncoding));
    if (typeof generator === 'number') {
      if (generator < 2) throw badGenerator();
      g = intBytes(generator);
    } else {
      g = number(bytesOf(generator));
      if (g.length === 0 || (g.length === 1 && g[0] === 1)) throw badGenerator();
    }
  }
  const keyBits = binding.dhNamedKeyBits(prime, g);
  setHandle(this, { prime, g, keyBits, priv: null, pub: null });
  defineVerifyError(this, binding.dhCheck(prime, g));
}

function dhState(obj) {
  const s = obj != null ? obj[kHandle] : undefined;
  if (s === undefined || s.curve !== undefined) throw new TypeError('Illegal invocation');
  return s;
}

function dhGenerateKeys(encoding) {
  const s = dhState(this);
  const bits = bitLength(s.prime);
  if (bits < DH_MIN_BITS || bits > DH_MAX_BITS) {
    throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Key generation failed');
  }
  if (s.priv === null) s.priv = number(new Uint8Array(binding.dhPrivate(s.prime, s.keyBits)));
  const pub = binding.dhPublic(s.prime, s.g, s.priv);
  if (pub === null) throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Key generation failed');
  s.pub = number(new Uint8Array(pub));
  return encode(s.pub, encoding);
}

function dhComputeSecret(key, inEnc, outEnc) {
  const s = dhState(this);
  const peer = keyBytes(key, 'key', inEnc);
  const r = binding.dhSecret(s.prime, s.priv, peer, s.keyBits > 0);
  switch (r) {
    case 1: throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too small');
    case 2: throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too large');
    case 3: throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE', 'Supplied key is invalid');
  }
  return encode(new Uint8Array(r), outEnc);
}

function dhGetPrime(encoding) { return encode(dhState(this).prime, encoding); }
function dhGetGenerator(encoding) { return encode(dhState(this).g, encoding); }

function dhGetPublicKey(encoding) {
  const s = dhState(this);
  if (s.pub === null || s.pub.length === 0) {
    throw nativeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'No public key - did you forget to generate one?');
  }
  return encode(s.pub, encoding);
}

function dhGetPrivateKey(encoding) {
  const s = dhState(this);
  if (s.priv === null || s.priv.length === 0) {
    throw nativeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'No private key - did you forget to generate one?');
  }
  return encode(s.priv, encoding);
}

function dhSetPublicKey(key, encoding) {
  const s = dhState(this);
  s.pub = number(keyBytes(key, 'key', encoding));
  return this;
}

function dhSetPrivateKey(key, encoding) {
  const s = dhState(this);
  s.priv = number(keyBytes(key, 'key', encoding));
  return this;
}

function defineMethods(proto, methods) {
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(fn, 'name', { value: name });
    Object.defineProperty(proto, name, { value: fn, writable: true, enumerable: false, configurable: true });
  }
}

const dhMethods = {
  generateKeys: dhGenerateKeys,
  computeSecret: dhComputeSecret,
  getPrime: dhGetPrime,
  getGenerator: dhGetGenerator,
  getPublicKey: dhGetPublicKey,
  getPrivateKey: dhGetPrivateKey,
};
defineMethods(DiffieHellman.prototype, { ...dhMethods, setPublicKey: dhSetPublicKey, setPrivateKey: dhSetPrivateKey });

// ---- DiffieHellmanGroup ----------------------------------------------------------------------

function DiffieHellmanGroup(name) {
  if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
  if (typeof name !== 'string') throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Group name must be a string');
  const p = binding.dhGroupPrime(name.toLowerCase());
  if (p === undefined) throw new codes.ERR_CRYPTO_UNKNOWN_DH_GROUP();
  const prime = lazyBuffer().from(p);
  const g = lazyBuffer().from([2]);
  setHandle(this, { prime, g, keyBits: binding.dhNamedKeyBits(prime, g), priv: null, pub: null });
  // The groups are safe primes with a suitable generator.
  defineVerifyError(this, 0);
}
// Node's groups are DiffieHellman objects in all but name, without the setters.
Object.setPrototypeOf(DiffieHellmanGroup.prototype, Object.prototype);
defineMethods(DiffieHellmanGroup.prototype, dhMethods);

function createDiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
}

function createDiffieHellmanGroup(name) {
  return new DiffieHellmanGroup(name);
}

// ---- ECDH ------------------------------------------------------------------------------------

// The curves implemented, by OpenSSL's short names, in the order getCurves() lists them.
const curves = ['prime256v1', 'secp256k1', 'secp384r1', 'secp521r1'];

const FORM_UNCOMPRESSED = 0;
const FORM_COMPRESSED = 1;
const FORM_HYBRID = 2;

function pointForm(format) {
  if (format) {
    if (format === 'compressed') return FORM_COMPRESSED;
    if (format === 'hybrid') return FORM_HYBRID;
    if (format !== 'uncompressed') throw new codes.ERR_CRYPTO_ECDH_INVALID_FORMAT(format);
  }
  return FORM_UNCOMPRESSED;
}

// The point at infinity, which OpenSSL encodes as one zero byte in every form.
function isInfinity(bytes) { return bytes.length === 1 && bytes[0] === 0; }

const invalidCurve = () => nativeError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');

function convertPoint(curve, bytes, form) {
  if (isInfinity(bytes)) return lazyBuffer().from([0]);
  const r = binding.ecdhConvert(curve, bytes, form);
  return r === null ? null : lazyBuffer().from(r);
}

function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  validateString(curve, 'curve');
  if (!curves.includes(curve)) throw invalidCurve();
  setHandle(this, { curve, priv: null, pub: null });
}

function ecState(obj) {
  const s = obj != null ? obj[kHandle] : undefined;
  if (s === undefined || s.curve === undefined) throw new TypeError('Illegal invocation');
  return s;
}

let setPublicKeyWarned = false;

defineMethods(ECDH.prototype, {
  computeSecret(key, inEnc, outEnc) {
    const s = ecState(this);
    const peer = keyBytes(key, 'key', inEnc);
    const pairValid = s.priv === null ? s.pub !== null :
      s.pub !== null && lazyBuffer().from(binding.ecdhPublicOf(s.curve, s.priv)).equals(s.pub);
    if (!pairValid) throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYPAIR', 'Invalid key pair');
    const failed = () => nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to compute ECDH key');
    if (isInfinity(peer)) throw failed();
    if (convertPoint(s.curve, peer, FORM_UNCOMPRESSED) === null) throw new codes.ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY();
    if (s.priv === null) throw failed();
    const z = binding.ecdhSecret(s.curve, s.priv, peer);
    if (z === null) throw failed();
    return encode(new Uint8Array(z), outEnc);
  },
  setPrivateKey(key, encoding) {
    const s = ecState(this);
    const d = number(keyBytes(key, 'key', encoding));
    const pub = binding.ecdhPublicOf(s.curve, d);
    if (pub === null) {
      throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE', 'Private key is not valid for specified curve.');
    }
    s.priv = d;
    s.pub = lazyBuffer().from(pub);
    return this;
  },
  setPublicKey(key, encoding) {
    if (!setPublicKeyWarned) {
      setPublicKeyWarned = true;
      process.emitWarning('ecdh.setPublicKey() is deprecated.', 'DeprecationWarning', 'DEP0031');
    }
    const s = ecState(this);
    const q = convertPoint(s.curve, keyBytes(key, 'key', encoding), FORM_UNCOMPRESSED);
    if (q === null) throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
    s.pub = q;
    return this;
  },
  getPrivateKey(encoding) {
    const s = ecState(this);
    if (s.priv === null || s.priv.length === 0) {
      throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH private key');
    }
    return encode(s.priv, encoding);
  },
  generateKeys(encoding, format) {
    const s = ecState(this);
    const [d, q] = binding.ecdhGenerate(s.curve);
    s.priv = lazyBuffer().from(d);
    s.pub = lazyBuffer().from(q);
    return this.getPublicKey(encoding, format);
  },
  getPublicKey(encoding, format) {
    const s = ecState(this);
    const form = pointForm(format);
    if (s.pub === null) throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH public key');
    return encode(convertPoint(s.curve, s.pub, form), encoding);
  },
});

function convertKey(key, curve, inEnc, outEnc, format) {
  validateString(curve, 'curve');
  const bytes = keyBytes(key, 'key', inEnc);
  const form = pointForm(format);
  if (bytes.length === 0) return '';
  if (!curves.includes(curve)) throw invalidCurve();
  const q = convertPoint(curve, bytes, form);
  if (q === null) throw nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
  return encode(q, outEnc);
}
Object.defineProperty(ECDH, 'convertKey', { value: convertKey, writable: true, enumerable: false, configurable: true });

function createECDH(curve) {
  return new ECDH(curve);
}

function getCurves() {
  return curves.slice();
}

module.exports = {
  createDiffieHellman,
  createDiffieHellmanGroup,
  getDiffieHellman: createDiffieHellmanGroup,
  DiffieHellman,
  DiffieHellmanGroup,
  createECDH,
  ECDH,
  getCurves,
};
