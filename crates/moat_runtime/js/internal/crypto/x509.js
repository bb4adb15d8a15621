'use strict';
// X509Certificate and Certificate (SPKAC). The binding reads a certificate once and hands back
// every field already formatted; the checks and signature verification go back to the binding
// with the certificate's DER.

const { codes } = require('internal/errors');
const { validateString, validateObject, validateBoolean } = require('internal/validators');
const { binding, byteSource, bytesOf, lazyBuffer } = require('internal/crypto/util');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kFields = Symbol('kFields');
const kIssuerCertificate = Symbol('kIssuerCertificate');
const kCache = Symbol('kCache');

// An error OpenSSL reports, shaped as Node shapes it.
function opensslError(message, library, reason, code) {
  const err = new Error(message);
  err.library = library;
  err.reason = reason;
  err.code = code;
  return err;
}

// Errors Node's native layer throws: a plain message with a code.
function nativeError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  return err;
}

function keys() { return require('internal/crypto/keys'); }

function isKeyObject(v) {
  const k = keys();
  if (typeof k.isKeyObject === 'function') return k.isKeyObject(v);
  return typeof k.KeyObject === 'function' && k.KeyObject.prototype !== undefined &&
    v instanceof k.KeyObject;
}

function spkiOf(keyObject) {
  return bytesOf(keyObject.export({ type: 'spki', format: 'der' }));
}

function sameBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Pairs as the legacy object holds them: a null-prototype object whose repeated keys collect
// their values in an array (`arrays`: every value in an array).
function pairsObject(pairs, arrays) {
  const obj = { __proto__: null };
  for (const [k, v] of pairs) {
    if (arrays) {
      if (obj[k] === undefined) obj[k] = [v];
      else obj[k].push(v);
    } else if (obj[k] === undefined) {
      obj[k] = v;
    } else if (Array.isArray(obj[k])) {
      obj[k].push(v);
    } else {
      obj[k] = [obj[k], v];
    }
  }
  return obj;
}

function cached(cert, name, make) {
  const cache = cert[kCache];
  if (!(name in cache)) cache[name] = make();
  return cache[name];
}

const subjectModes = { default: 0, always: 0x1, never: 0x20 };

function checkFlags(options) {
  if (options === undefined) return 0;
  validateObject(options, 'options');
  const {
    subject = 'default',
    wildcards = true,
    partialWildcards = true,
    multiLabelWildcards = false,
    singleLabelSubdomains = false,
  } = options;
  validateString(subject, 'options.subject');
  validateBoolean(wildcards, 'options.wildcards');
  validateBoolean(partialWildcards, 'options.partialWildcards');
  validateBoolean(multiLabelWildcards, 'options.multiLabelWildcards');
  validateBoolean(singleLabelSubdomains, 'options.singleLabelSubdomains');
  if (!Object.prototype.hasOwnProperty.call(subjectModes, subject)) {
    throw new codes.ERR_INVALID_ARG_VALUE('options.subject', subject);
  }
  let flags = subjectModes[subject];
  if (!wildcards) flags |= 0x2;
  if (!partialWildcards) flags |= 0x4;
  if (multiLabelWildcards) flags |= 0x8;
  if (singleLabelSubdomains) flags |= 0x10;
  return flags;
}

function invalidName() {
  return nativeError(TypeError, 'ERR_INVALID_ARG_VALUE', 'Invalid name');
}

function toPem(raw) {
  const b64 = lazyBuffer().from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64');
  let out = '-----BEGIN CERTIFICATE-----\n';
  for (let i = 0; i < b64.length; i += 64) out += b64.slice(i, i + 64) + '\n';
  return out + '-----END CERTIFICATE-----\n';
}

// Why the binding found no certificate, as OpenSSL reports it.
const loadErrors = [
  ['0480006C', 'PEM routines', 'no start line', 'ERR_OSSL_PEM_NO_START_LINE'],
  ['068000A8', 'asn1 encoding routines', 'wrong tag', 'ERR_OSSL_ASN1_WRONG_TAG'],
  ['04800064', 'PEM routines', 'bad base64 decode', 'ERR_OSSL_PEM_BAD_BASE64_DECODE'],
  ['04800066', 'PEM routines', 'bad end line', 'ERR_OSSL_PEM_BAD_END_LINE'],
];

function loadError(reason) {
  const [id, library, text, code] = loadErrors[reason] || loadErrors[0];
  return opensslError(`error:${id}:${library}::${text}`, library, text, code);
}

function isX509Certificate(value) {
  return value != null && typeof value === 'object' && value[kFields] !== undefined;
}

class X509Certificate {
  constructor(buffer) {
    if (typeof buffer === 'string') buffer = lazyBuffer().from(buffer);
    if (!ArrayBuffer.isView(buffer)) {
      throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    const fields = binding.x509Parse(bytesOf(buffer));
    if (typeof fields !== 'object') throw loadError(fields);
    fields.raw = new Uint8Array(fields.raw);
    this[kFields] = fields;
    this[kCache] = { __proto__: null };
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    inspect = typeof inspect === 'function' ? inspect : require('util').inspect;
    return `X509Certificate ${inspect({
      subject: this.subject,
      subjectAltName: this.subjectAltName,
      issuer: this.issuer,
      infoAccess: this.infoAccess,
      validFrom: this.validFrom,
      validTo: this.validTo,
      validFromDate: this.validFromDate,
      validToDate: this.validToDate,
      fingerprint: this.fingerprint,
      fingerprint256: this.fingerprint256,
      fingerprint512: this.fingerprint512,
      keyUsage: this.keyUsage,
      serialNumber: this.serialNumber,
      signatureAlgorithm: this.signatureAlgorithm,
      signatureAlgorithmOid: this.signatureAlgorithmOid,
    }, opts)}`;
  }

  // An empty name reads as undefined.
  get subject() { return this[kFields].subject || undefined; }
  get subjectAltName() { return this[kFields].subjectAltName; }
  get issuer() { return this[kFields].issuer || undefined; }
  // Set for a certificate that came from a TLS peer whose chain is known.
  get issuerCertificate() { return this[kIssuerCertificate]; }
  get infoAccess() { return this[kFields].infoAccess; }
  get validFrom() { return this[kFields].validFrom; }
  get validTo() { return this[kFields].validTo; }
  get validFromDate() { return cached(this, 'validFromDate', () => new Date(this[kFields].validFromMs)); }
  get validToDate() { return cached(this, 'validToDate', () => new Date(this[kFields].validToMs)); }
  get fingerprint() { return this[kFields].fingerprint; }
  get fingerprint256() { return this[kFields].fingerprint256; }
  get fingerprint512() { return this[kFields].fingerprint512; }
  get keyUsage() {
    const usage = this[kFields].keyUsage;
    return usage === undefined ? undefined : cached(this, 'keyUsage', () => usage.slice());
  }
  get serialNumber() { return this[kFields].serialNumber; }
  get signatureAlgorithm() { return this[kFields].signatureAlgorithm; }
  get signatureAlgorithmOid() { return this[kFields].signatureAlgorithmOid; }

  get raw() {
    return cached(this, 'raw', () => {
      const raw = this[kFields].raw;
      return lazyBuffer().from(raw.buffer, raw.byteOffset, raw.byteLength);
    });
  }

  get publicKey() {
    const fields = this[kFields];
    if (!fields.keyValid) {
      throw opensslError('error:03000072:digital envelope routines::decode error',
                         'digital envelope routines', 'decode error', 'ERR_OSSL_EVP_DECODE_ERROR');
    }
    return cached(this, 'publicKey', () => keys().createPublicKey({
      key: lazyBuffer().from(fields.spki), format: 'der', type: 'spki',
    }));
  }

  toString() { return cached(this, 'pem', () => toPem(this[kFields].raw)); }
  toJSON() { return this.toString(); }

  get ca() { return this[kFields].ca; }

  checkHost(name, options) {
    validateString(name, 'name');
    const flags = checkFlags(options);
    if (name.includes('\0')) throw invalidName();
    return binding.x509CheckHost(this[kFields].raw, name, flags);
  }

  checkEmail(email, options) {
    validateString(email, 'email');
    const flags = checkFlags(options);
    if (email.includes('\0')) throw invalidName();
    return binding.x509CheckEmail(this[kFields].raw, email, flags) ? email : undefined;
  }

  checkIP(ip) {
    validateString(ip, 'ip');
    const r = binding.x509CheckIP(this[kFields].raw, ip);
    if (r < 0) throw invalidName();
    return r === 1 ? ip : undefined;
  }

  checkIssued(otherCert) {
    if (!isX509Certificate(otherCert)) {
      throw new codes.ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate', otherCert);
    }
    return binding.x509CheckIssued(this[kFields].raw, otherCert[kFields].raw);
  }

  checkPrivateKey(pkey) {
    if (!isKeyObject(pkey)) throw new codes.ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'private') throw new codes.ERR_INVALID_ARG_VALUE('pkey', pkey);
    try {
      const own = spkiOf(this.publicKey);
      return sameBytes(own, spkiOf(keys().createPublicKey(pkey)));
    } catch {
      return false;
    }
  }

  verify(pkey) {
    if (!isKeyObject(pkey)) throw new codes.ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'public') throw new codes.ERR_INVALID_ARG_VALUE('pkey', pkey);
    let spki;
    try {
      spki = spkiOf(pkey);
    } catch {
      return false;
    }
    return binding.x509Verify(this[kFields].raw, spki);
  }

  toLegacyObject() {
    const f = this[kFields];
    return {
      subject: pairsObject(f.subjectPairs, false),
      issuer: pairsObject(f.issuerPairs, false),
      subjectaltname: f.subjectAltName,
      infoAccess: f.infoAccessPairs === undefined ? undefined : pairsObject(f.infoAccessPairs, true),
      ca: f.ca,
      modulus: f.modulus,
      exponent: f.exponent,
      pubkey: f.pubkey === undefined ? undefined : lazyBuffer().from(f.pubkey),
      bits: f.bits,
      valid_from: f.validFrom,
      valid_to: f.validTo,
      fingerprint: f.fingerprint,
      fingerprint256: f.fingerprint256,
      fingerprint512: f.fingerprint512,
      ext_key_usage: f.keyUsage === undefined ? undefined : f.keyUsage.slice(),
      serialNumber: f.serialNumber,
      raw: lazyBuffer().from(f.raw),
      asn1Curve: f.asn1Curve,
      nistCurve: f.nistCurve,
    };
  }
}

// ---- Certificate (SPKAC) ---------------------------------------------------------------------

const spkacTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

function spkacBytes(spkac, encoding) {
  const bytes = byteSource(spkac, 'spkac', spkacTypes, encoding);
  if (bytes.byteLength > 2 ** 31 - 1) {
    throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'spkac is too large');
  }
  return bytes;
}

function verifySpkac(spkac, encoding) {
  return binding.spkacVerify(spkacBytes(spkac, encoding));
}

function exportPublicKey(spkac, encoding) {
  const spki = binding.spkacPart(spkacBytes(spkac, encoding), false);
  if (spki === undefined) return '';
  const b64 = lazyBuffer().from(spki).toString('base64');
  let pem = '-----BEGIN PUBLIC KEY-----\n';
  for (let i = 0; i < b64.length; i += 64) pem += b64.slice(i, i + 64) + '\n';
  pem += '-----END PUBLIC KEY-----\n';
  return lazyBuffer().from(pem);
}

function exportChallenge(spkac, encoding) {
  const challenge = binding.spkacPart(spkacBytes(spkac, encoding), true);
  if (challenge === undefined) return '';
  return lazyBuffer().from(challenge);
}

function Certificate() {
  if (!(this instanceof Certificate)) return new Certificate();
}

Certificate.prototype.verifySpkac = verifySpkac;
Certificate.prototype.exportPublicKey = exportPublicKey;
Certificate.prototype.exportChallenge = exportChallenge;
Certificate.exportChallenge = exportChallenge;
Certificate.exportPublicKey = exportPublicKey;
Certificate.verifySpkac = verifySpkac;

module.exports = {
  kIssuerCertificate,
  X509Certificate,
  Certificate,
  isX509Certificate,
};
