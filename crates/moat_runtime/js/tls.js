'use strict';
// node:tls — TLS 1.2 and 1.3 on rustls (the `tls` binding), over any duplex stream. Secure
// contexts, certificate checks and the module's facts live here; sockets and servers in
// _tls_wrap.js.

const { codes, opensslError } = require('internal/errors');
const { validateString, validateObject, validateInt32 } = require('internal/validators');
const { isIP } = require('internal/net');
const binding = internalBinding('tls');

const lazyBuffer = () => require('buffer').Buffer;

// The suites rustls offers, by OpenSSL's names, in preference order.
// The suites rustls offers, by OpenSSL's names, in the order of Node's default list.
const TLS13_SUITES = ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'];
const TLS12_SUITES = [
  'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305',
];
const VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

const DEFAULT_CIPHERS = [...TLS13_SUITES, ...TLS12_SUITES].join(':');

// ---- PEM ------------------------------------------------------------------------------------

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

function pemText(v) {
  if (typeof v === 'string') return v;
  if (ArrayBuffer.isView(v)) return lazyBuffer().from(v.buffer, v.byteOffset, v.byteLength).toString('latin1');
  if (v instanceof ArrayBuffer) return lazyBuffer().from(v).toString('latin1');
  return null;
}

// The DER of every block labelled `label` in `v` (a string or buffer of PEM text).
function pemBlocks(v, label) {
  const text = pemText(v);
  const out = [];
  if (text === null) return out;
  for (const m of text.matchAll(PEM_BLOCK)) {
    if (m[1] === label || (label === 'CERTIFICATE' && m[1] === 'TRUSTED CERTIFICATE')) {
      out.push(new Uint8Array(lazyBuffer().from(m[2].replace(/\s+/g, ''), 'base64')));
    }
  }
  return out;
}

function toList(v) {
  return Array.isArray(v) ? v : [v];
}

function validateKeyOrCert(name, value) {
  if (typeof value !== 'string' && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)) {
    throw new codes.ERR_INVALID_ARG_TYPE(`options.${name}`,
      ['string', 'Buffer', 'TypedArray', 'DataView'], value);
  }
}

// One chain (leaf first) per entry of `value`.
function chainsOf(value, name) {
  const out = [];
  for (const v of toList(value)) {
    if (v === undefined || v === null || v === false) continue;
    out.push(certificatesOf(v, name));
  }
  return out;
}

function certificatesOf(value, name) {
  const out = [];
  for (const v of toList(value)) {
    if (v === undefined || v === null || v === false) continue;
    validateKeyOrCert(name, v);
    const blocks = pemBlocks(v, 'CERTIFICATE');
    // OpenSSL passes over a CA entry that holds no certificate; a certificate must have one.
    if (blocks.length === 0 && name !== 'ca') {
      throw opensslError('0480006C', 'PEM routines', 'no start line', 'ERR_OSSL_PEM_NO_START_LINE');
    }
    out.push(...blocks);
  }
  return out;
}

// ---- certificate authorities ----------------------------------------------------------------
// Each list is read once and handed out frozen, the same array every time, as in Node.

const { hasFlag } = require('internal/options');

function pemsOf(text) {
  return [...text.matchAll(PEM_BLOCK)].filter((m) => m[1] === 'CERTIFICATE').map((m) => `${m[0]}\n`);
}

let bundled = null;
function bundledRoots() {
  if (bundled === null) {
    const Buffer = lazyBuffer();
    bundled = Object.freeze(binding.rootCertificates().map((der) => {
      const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
      return `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----`;
    }));
  }
  return bundled;
}

// The system's store, read by Rust where Node would find it: SSL_CERT_FILE, else the usual
// places, then the files in SSL_CERT_DIR; in the sandbox, by the host, from the usual places
// only. As Node's, it is read whatever the grants say.
let system = null;
function systemRoots() {
  if (system === null) {
    const text = binding.systemStore();
    system = Object.freeze(text ? pemsOf(text) : []);
  }
  return system;
}

// The C library's texts for the errors reading a file can meet.
const SYSTEM_ERRORS = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  EISDIR: 'Is a directory',
};

let extra = null;
// NODE_EXTRA_CA_CERTS: read once, on first use, as Node reads it at start.
function extraRoots() {
  if (extra !== null) return extra;
  let found = [];
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (file) {
    const fs = require('fs');
    try {
      found = pemsOf(fs.readFileSync(file, 'latin1'));
    } catch (err) {
      // Printed as Node's C++ side prints it: straight to stderr, OpenSSL's wording.
      const reason = SYSTEM_ERRORS[err.code] ?? err.message;
      fs.writeSync(2, `Warning: Ignoring extra certs from \`${file}\`, load failed: ` +
        `error:80000002:system library::${reason}\n`);
    }
  }
  extra = Object.freeze(found);
  return extra;
}

let defaults = null; // the default list, or what setDefaultCACertificates gave

function defaultCertificates() {
  if (defaults === null) {
    const openssl = hasFlag('--use-openssl-ca') && !hasFlag('--no-use-openssl-ca');
    const withSystem = openssl || (hasFlag('--use-system-ca') && !hasFlag('--no-use-system-ca'));
    defaults = Object.freeze([
      ...(openssl ? [] : bundledRoots()),
      ...(withSystem ? systemRoots() : []),
      ...extraRoots(),
    ]);
    defaultsAreBundled = !openssl && !withSystem && extraRoots().length === 0;
  }
  return defaults;
}
let defaultsAreBundled = true;

function getCACertificates(type = 'default') {
  validateString(type, 'type');
  switch (type) {
    case 'default': return defaultCertificates();
    case 'bundled': return bundledRoots();
    case 'system': return systemRoots();
    case 'extra': return extraRoots();
    default:
      throw new codes.ERR_INVALID_ARG_VALUE('type', type);
  }
}

function setDefaultCACertificates(certs) {
  if (!Array.isArray(certs)) throw new codes.ERR_INVALID_ARG_TYPE('certs', 'Array', certs);
  const { X509Certificate } = require('crypto');
  const pems = [];
  for (let i = 0; i < certs.length; i++) {
    const c = certs[i];
    if (typeof c !== 'string' && !ArrayBuffer.isView(c)) {
      throw new codes.ERR_INVALID_ARG_TYPE(`certs[${i}]`, ['string', 'ArrayBufferView'], c);
    }
    for (const pem of pemsOf(pemText(c))) {
      try {
        new X509Certificate(pem);
      } catch {
        throw opensslError('0480000D', 'PEM routines', 'ASN1 lib', 'ERR_OSSL_PEM_ASN1_LIB');
      }
      pems.push(pem);
    }
  }
  if (pems.length === 0 && certs.length > 0) {
    throw new codes.ERR_CRYPTO_OPERATION_FAILED('No valid certificates found in the provided array');
  }
  defaults = Object.freeze(pems);
  defaultsAreBundled = false;
}

// ---- secure contexts ------------------------------------------------------------------------

// OpenSSL's cipher list syntax, for the suites rustls has: names and the aliases that cover them.
function parseCiphers(list) {
  const chosen = [];
  let tls13Named = false;
  for (let item of list.split(/[:, ]+/)) {
    if (item === '') continue;
    if (item[0] === '!' || item[0] === '-') {
      const name = item.slice(1);
      const i = chosen.indexOf(name);
      if (i >= 0) chosen.splice(i, 1);
      continue;
    }
    if (item[0] === '+') item = item.slice(1);
    if (TLS13_SUITES.includes(item)) {
      tls13Named = true;
      if (!chosen.includes(item)) chosen.push(item);
    } else if (TLS12_SUITES.includes(item)) {
      if (!chosen.includes(item)) chosen.push(item);
    } else if (['DEFAULT', 'ALL', 'HIGH', 'ECDHE', 'EECDH', 'AESGCM', 'CHACHA20'].includes(item.split('@')[0])) {
      for (const s of TLS12_SUITES) if (!chosen.includes(s)) chosen.push(s);
    }
  }
  if (!chosen.some((c) => TLS12_SUITES.includes(c)) && !tls13Named) {
    throw opensslError('0A0000B9', 'SSL routines', 'no cipher match', 'ERR_SSL_NO_CIPHER_MATCH');
  }
  // TLS 1.3's suites stay on unless the list names some of them.
  if (!tls13Named) chosen.unshift(...TLS13_SUITES);
  return chosen;
}

function validateVersion(v, which) {
  if (v === undefined) return undefined;
  validateString(v, `options.${which}Version`);
  if (!VERSIONS.includes(v)) {
    throw new codes.ERR_TLS_INVALID_PROTOCOL_VERSION(v, which === 'min' ? 'minimum' : 'maximum');
  }
  return v;
}

function privateKeyDer(key, passphrase) {
  const { createPrivateKey } = require('crypto');
  const input = typeof key === 'object' && key !== null && !ArrayBuffer.isView(key) &&
    !(key instanceof ArrayBuffer) ? key : { key };
  const pass = input.passphrase ?? passphrase;
  let pem = input.pem ?? input.key;
  if (pem instanceof ArrayBuffer) pem = lazyBuffer().from(pem);
  let ko;
  try {
    ko = createPrivateKey({ key: pem, format: 'pem', passphrase: pass });
  } catch (err) {
    // An encrypted key that does not open: no passphrase or a wrong one.
    if (err.code === 'ERR_MISSING_PASSPHRASE' || /ENCRYPTED/.test(pemText(pem) ?? '')) {
      throw opensslError('1C800064', 'Provider routines', 'bad decrypt', 'ERR_OSSL_BAD_DECRYPT');
    }
    throw err;
  }
  return ko;
}

function validateEngineOption(value, name) {
  if (typeof value !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'null', 'undefined'], value);
  }
}

// moat has no OpenSSL engines, built in or loadable: every engine id fails as an unknown one
// fails in OpenSSL, whose dynamic engine finds no shared library by that name.
function engineError(id) {
  if (id === '') return new Error('error:13000074:engine routines::no such engine');
  const noDso = 'error:13000084:engine routines::dso not found';
  const noLibrary = 'error:12800067:DSO support routines::could not load the shared library';
  const err = new Error(noLibrary);
  err.opensslErrorStack = [noDso, noLibrary, noLibrary, 'error:13000074:engine routines::no such engine', noDso,
    noLibrary];
  return err;
}

// An error as Node's C++ half throws one: a plain message, and a `code` only where it sets one.
function nativeError(Ctor, message, code) {
  const err = new Ctor(message);
  if (code !== undefined) err.code = code;
  return err;
}

// PKCS#12: each file gives a key and its certificate, sent with the file's other certificates,
// which also become trusted authorities, as Node adds them to the context's store. A later key
// goes first, so that it is the one served where two are of one kind, as in OpenSSL.
function loadPfx(spec, pfx, passphrase) {
  const Buffer = lazyBuffer();
  const toBytes = (v) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : v);
  const entries = Array.isArray(pfx) ?
    pfx.map((v) => [v.buf || v, v.passphrase || passphrase]) :
    [[pfx, passphrase || undefined]];
  const pairs = [];
  const extras = [];
  for (const [raw, pass] of entries) {
    const data = toBytes(raw);
    if (!ArrayBuffer.isView(data)) {
      throw nativeError(Error, 'Unable to load PFX certificate', 'ERR_CRYPTO_OPERATION_FAILED');
    }
    let passBytes;
    if (pass !== undefined) {
      passBytes = toBytes(pass);
      if (!ArrayBuffer.isView(passBytes)) {
        throw nativeError(TypeError, 'Pass phrase must be a buffer', 'ERR_INVALID_ARG_TYPE');
      }
      passBytes = new Uint8Array(passBytes.buffer, passBytes.byteOffset, passBytes.byteLength);
    }
    const got = binding.parsePfx(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), passBytes);
    if (got.message !== undefined) throw nativeError(Error, got.message, got.code);
    pairs.unshift({ key: got.key, certs: [got.cert, ...got.extra] });
    extras.push(...got.extra);
  }
  spec.pairs = [...pairs, ...spec.pairs];
  if (extras.length > 0) spec.ca = [...(spec.ca ?? []), ...extras];
}

// Each key with the certificate chain whose leaf carries its public key, as OpenSSL pairs them.
function keyPairs(keys, chains) {
  if (keys.length === 1 && chains.length === 1) return [[keys[0], chains[0]]];
  const { createPublicKey, X509Certificate } = require('crypto');
  const Buffer = lazyBuffer();
  const spkiOf = (k) => k.export({ format: 'der', type: 'spki' });
  const leafKeys = chains.map((c) => spkiOf(new X509Certificate(Buffer.from(c[0])).publicKey));
  const pairs = [];
  for (const key of keys) {
    const mine = spkiOf(createPublicKey(key));
    const i = leafKeys.findIndex((k) => k.equals(mine));
    if (i < 0 && chains.length > 0) {
      throw opensslError('05800074', 'x509 certificate routines', 'key values mismatch',
        'ERR_OSSL_X509_KEY_VALUES_MISMATCH');
    }
    if (i >= 0) pairs.push([key, chains[i]]);
  }
  return pairs;
}

// The one version an OpenSSL method name pins, or null for the version-flexible methods.
function protocolOfMethod(method) {
  const base = method.replace(/_(client|server)_method$/, '_method');
  switch (base) {
    case 'TLS_method':
    case 'SSLv23_method':
      return null;
    case 'TLSv1_method': return 'TLSv1';
    case 'TLSv1_1_method': return 'TLSv1.1';
    case 'TLSv1_2_method': return 'TLSv1.2';
    case 'SSLv2_method':
      throw nativeError(TypeError, 'SSLv2 methods disabled', 'ERR_TLS_INVALID_PROTOCOL_METHOD');
    case 'SSLv3_method':
      throw nativeError(TypeError, 'SSLv3 methods disabled', 'ERR_TLS_INVALID_PROTOCOL_METHOD');
    default:
      throw new codes.ERR_TLS_INVALID_PROTOCOL_METHOD(method);
  }
}

function SecureContext(secureProtocol, secureOptions, minVersion, maxVersion) {
  if (!(this instanceof SecureContext)) {
    return new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  }
  this.context = new NativeContext({ minVersion, maxVersion, ciphers: parseCiphers(DEFAULT_CIPHERS), pairs: [] });
}

// The settings behind a SecureContext, built into a rustls context (the binding's handle) when a
// connection first needs it; the setters Node's native context has change them.
const nativeContexts = new WeakSet();

class NativeContext {
  constructor(spec) {
    this._spec = spec;
    this._built = null;
    nativeContexts.add(this);
  }

  // The built context itself; only a NativeContext has one.
  get _external() {
    if (!nativeContexts.has(this)) throw new TypeError('Illegal invocation');
    return this._handle();
  }

  _handle() {
    this._built ??= binding.createContext(this._spec);
    return this._built;
  }

  _set(changes) {
    this._spec = { ...this._spec, ...changes };
    this._built = null;
  }

  addCACert(cert) {
    const ders = certificatesOf(cert, 'ca');
    this._set({ ca: [...(this._spec.ca ?? []), ...ders] });
  }

  setCert(cert) {
    const chain = certificatesOf(cert, 'cert');
    const pairs = this._spec.pairs ?? [];
    this._pendingCert = chain;
    if (this._pendingKey) this._pair();
    else this._set({ pairs });
  }

  setKey(key, passphrase) {
    if (passphrase !== undefined && passphrase !== null) validateString(passphrase, 'passphrase');
    this._pendingKey = privateKeyDer(key, passphrase ?? undefined);
    if (this._pendingCert) this._pair();
  }

  _pair() {
    const [[key, certs]] = keyPairs([this._pendingKey], [this._pendingCert]);
    this._pendingKey = null;
    this._pendingCert = null;
    this._set({
      pairs: [...(this._spec.pairs ?? []), { key: new Uint8Array(key.export({ format: 'der', type: 'pkcs8' })), certs }],
    });
  }

  setCiphers(list) {
    validateString(list, 'ciphers');
    this._set({ ciphers: parseCiphers(list) });
  }

  setECDHCurve(curve) {
    validateString(curve, 'curve');
    this._set({ groups: curve === 'auto' ? undefined : curve.split(':') });
  }

  getCertificate() {
    const leaf = this._spec.pairs?.[0]?.certs[0];
    return leaf ? lazyBuffer().from(leaf) : null;
  }
}

function createSecureContext(options) {
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  let minVersion = validateVersion(options.minVersion, 'min');
  let maxVersion = validateVersion(options.maxVersion, 'max');
  if (options.secureProtocol !== undefined) {
    validateString(options.secureProtocol, 'options.secureProtocol');
    const only = protocolOfMethod(options.secureProtocol);
    if (only !== null) {
      if (minVersion !== undefined) throw new codes.ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion, options.secureProtocol);
      if (maxVersion !== undefined) throw new codes.ERR_TLS_PROTOCOL_VERSION_CONFLICT(maxVersion, options.secureProtocol);
      minVersion = only;
      maxVersion = only;
    }
  }
  minVersion ??= exports.DEFAULT_MIN_VERSION;
  maxVersion ??= exports.DEFAULT_MAX_VERSION;
  if (VERSIONS.indexOf(maxVersion) < 2) {
    throw new codes.ERR_NOT_IMPLEMENTED(`TLS versions below TLSv1.2 (maxVersion '${maxVersion}')`);
  }
  if (VERSIONS.indexOf(minVersion) > VERSIONS.indexOf(maxVersion)) {
    throw opensslError('0A0000BF', 'SSL routines', 'no protocols available', 'ERR_SSL_NO_PROTOCOLS_AVAILABLE');
  }
  if (options.crl !== undefined && options.crl !== null) throw new codes.ERR_NOT_IMPLEMENTED('tls options.crl');
  // A key held by an OpenSSL engine: checked as Node checks it, then the engine is looked for.
  const { privateKeyIdentifier, privateKeyEngine } = options;
  if (privateKeyIdentifier !== undefined && privateKeyIdentifier !== null) {
    if (privateKeyEngine === undefined || privateKeyEngine === null) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.privateKeyEngine', privateKeyEngine);
    }
    validateEngineOption(privateKeyIdentifier, 'privateKeyIdentifier');
    validateEngineOption(privateKeyEngine, 'privateKeyEngine');
    throw engineError(privateKeyEngine);
  }
  if (options.clientCertEngine !== undefined && options.clientCertEngine !== null) {
    validateEngineOption(options.clientCertEngine, 'clientCertEngine');
    throw engineError(options.clientCertEngine);
  }
  if (options.sessionTimeout !== undefined && options.sessionTimeout !== null) {
    validateInt32(options.sessionTimeout, 'options.sessionTimeout', 0);
  }
  if (options.ticketKeys !== undefined && options.ticketKeys !== null) {
    if (!ArrayBuffer.isView(options.ticketKeys)) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.ticketKeys', ['Buffer', 'TypedArray', 'DataView'], options.ticketKeys);
    }
    if (options.ticketKeys.byteLength !== 48) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.ticketKeys', options.ticketKeys, 'must be exactly 48 bytes');
    }
  }

  const spec = { minVersion, maxVersion, honorCipherOrder: options.honorCipherOrder === true };
  const ciphers = options.ciphers ?? exports.DEFAULT_CIPHERS;
  validateString(ciphers, 'options.ciphers');
  spec.ciphers = parseCiphers(ciphers);
  const curve = options.ecdhCurve === undefined ? exports.DEFAULT_ECDH_CURVE : options.ecdhCurve;
  validateString(curve, 'options.ecdhCurve');
  if (curve !== 'auto') spec.groups = curve.split(':');

  // Node checks the passphrase where a key uses it; a PFX's is checked when the file is read.
  if (options.key && options.passphrase !== undefined && options.passphrase !== null) {
    validateString(options.passphrase, 'options.passphrase');
  }
  const chains = options.cert ? chainsOf(options.cert, 'cert') : [];
  const keys = [];
  if (options.key) {
    // A single key is text or bytes; an array may also hold { pem, passphrase } objects.
    if (!Array.isArray(options.key)) validateKeyOrCert('key', options.key);
    for (const k of toList(options.key)) {
      if (k === undefined || k === null || k === false) continue;
      if (typeof k !== 'object' || ArrayBuffer.isView(k) || k instanceof ArrayBuffer) validateKeyOrCert('key', k);
      keys.push(privateKeyDer(k, options.passphrase));
    }
  }
  spec.pairs = keyPairs(keys, chains).map(([key, certs]) => ({
    key: new Uint8Array(key.export({ format: 'der', type: 'pkcs8' })),
    certs,
  }));
  if (options.ca) {
    spec.ca = certificatesOf(options.ca, 'ca');
    spec.defaultRoots = false;
  } else {
    const list = defaultCertificates();
    // Mozilla's bundle alone is built into the binding; any other default list goes in whole.
    if (!defaultsAreBundled) {
      spec.ca = list.flatMap((pem) => pemBlocks(pem, 'CERTIFICATE'));
      spec.defaultRoots = false;
    }
  }
  if (options.pfx !== undefined && options.pfx !== null) loadPfx(spec, options.pfx, options.passphrase);
  const ctx = new SecureContext(options.secureProtocol, options.secureOptions, minVersion, maxVersion);
  ctx.context = new NativeContext(spec);
  // Errors in what was given show now, not at the first connection.
  ctx.context._handle();
  return ctx;
}

// ---- host names -----------------------------------------------------------------------------

function splitHost(host) {
  return host.toLowerCase().replace(/\.+$/, '').split('.');
}

// Whether `pattern` (a DNS name from the certificate) covers the host's labels: every label the
// same, except that the first may hold one `*` standing for at least nothing of one label.
function dnsMatches(hostLabels, pattern, wildcards) {
  if (typeof pattern !== 'string' || pattern === '') return false;
  const labels = splitHost(pattern);
  if (labels.length !== hostLabels.length || labels.includes('')) return false;
  if (labels.some((l) => /[^\u0021-\u007f]/.test(l))) return false;
  for (let i = 1; i < labels.length; i++) if (labels[i] !== hostLabels[i]) return false;
  const first = labels[0];
  const star = first.indexOf('*');
  if (star < 0 || first.startsWith('xn--')) return first === hostLabels[0];
  if (!wildcards || first.indexOf('*', star + 1) >= 0 || labels.length < 3) return false;
  const prefix = first.slice(0, star);
  const suffix = first.slice(star + 1);
  const h = hostLabels[0];
  return prefix.length + suffix.length <= h.length && h.startsWith(prefix) && h.endsWith(suffix);
}

// The entries of OpenSSL's `subjectaltname` text, where a quoted entry may hold ", ".
function altNames(text) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && quoted) {
      cur += text[++i] ?? '';
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',' && text[i + 1] === ' ') {
      out.push(cur);
      cur = '';
      i++;
    } else {
      cur += ch;
    }
  }
  if (cur !== '') out.push(cur);
  return out;
}

function canonicalIP(ip) {
  if (isIP(ip) !== 6) return ip;
  try {
    return new (require('internal/net').SocketAddress)({ address: ip, family: 'ipv6' }).address;
  } catch {
    return ip;
  }
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const dnsNames = [];
  const ips = [];
  hostname = `${hostname}`;
  for (const name of altNames(cert.subjectaltname ?? '')) {
    if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
    else if (name.startsWith('IP Address:') && isIP(name.slice(11))) ips.push(canonicalIP(name.slice(11)));
  }
  let valid = false;
  let reason = 'Unknown reason';
  if (isIP(hostname)) {
    valid = ips.includes(canonicalIP(hostname));
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || subject?.CN !== undefined) {
    const labels = splitHost(hostname);
    if (dnsNames.length > 0) {
      valid = dnsNames.some((p) => dnsMatches(labels, p, true));
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${cert.subjectaltname}`;
    } else {
      const cn = subject.CN;
      valid = Array.isArray(cn) ? cn.some((p) => dnsMatches(labels, p, true)) : dnsMatches(labels, cn, true);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (valid) return undefined;
  const err = new codes.ERR_TLS_CERT_ALTNAME_INVALID(reason);
  err.reason = reason;
  err.host = hostname;
  err.cert = cert;
  return err;
}

// ---- ALPN -----------------------------------------------------------------------------------

// A list of protocol names as the wire carries it: each one length-prefixed.
function convertALPNProtocols(protocols, out) {
  const Buffer = lazyBuffer();
  if (Array.isArray(protocols)) {
    const parts = [];
    protocols.forEach((p, i) => {
      const b = Buffer.from(p);
      if (b.length > 255) {
        throw new codes.ERR_OUT_OF_RANGE(
          `The byte length of the protocol at index ${i} exceeds the maximum length.`, '<= 255', b.length, true);
      }
      parts.push(Buffer.from([b.length]), b);
    });
    out.ALPNProtocols = Buffer.concat(parts);
  } else if (ArrayBuffer.isView(protocols)) {
    // A copy: later changes to either side stay their own.
    out.ALPNProtocols = Buffer.from(new Uint8Array(protocols.buffer, protocols.byteOffset, protocols.byteLength));
  }
}

function getCiphers() {
  return [...TLS12_SUITES, ...TLS13_SUITES].map((s) => s.toLowerCase()).sort();
}

// The lowest --tls-min-v1.x given wins, as in Node.
function cliMinVersion() {
  for (const [flag, version] of [['--tls-min-v1.0', 'TLSv1'], ['--tls-min-v1.1', 'TLSv1.1'],
    ['--tls-min-v1.3', 'TLSv1.3']]) {
    if (hasFlag(flag)) return version;
  }
  return 'TLSv1.2';
}

module.exports = exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS,
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: cliMinVersion(),
  DEFAULT_MAX_VERSION: hasFlag('--tls-max-v1.2') ? 'TLSv1.2' : 'TLSv1.3',
  getCiphers,
  getCertificateCompressionAlgorithms() { return []; },
  getCACertificates,
  setDefaultCACertificates,
  convertALPNProtocols,
  checkServerIdentity,
  createSecureContext,
  SecureContext,
};

Object.defineProperty(exports, 'rootCertificates', {
  configurable: false, enumerable: true,
  get() { return bundledRoots(); },
});

const wrap = require('_tls_wrap');
exports.TLSSocket = wrap.TLSSocket;
exports.Server = wrap.Server;
exports.createServer = wrap.createServer;
exports.connect = wrap.connect;
