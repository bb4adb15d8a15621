'use strict';
// TLSSocket and tls.Server. A TLSSocket is a net.Socket whose bytes travel through a transport
// — a net.Socket it made or was given, or any duplex stream — and through a rustls session
// (the `tls` binding): ciphertext from the transport goes into the session, plaintext comes out
// and is pushed; plaintext written goes into the session and its ciphertext to the transport.

const net = require('net');
const { codes } = require('internal/errors');
const { validateFunction, validateNumber, validateObject, validateString, validateInt32 } =
  require('internal/validators');
const binding = internalBinding('tls');

const lazyBuffer = () => require('buffer').Buffer;
const lazyTls = () => require('tls');

const { HANDSHAKE_DONE, PEER_CLOSED, CLIENT_HELLO } = binding;

function validateBuffer(value, name) {
  if (!ArrayBuffer.isView(value)) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], value);
  }
}

// OpenSSL's texts for its verify codes, as Node's errors carry them.
const VERIFY_MESSAGES = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
  CERT_REVOKED: 'certificate revoked',
  INVALID_PURPOSE: 'unsupported certificate purpose',
  CERT_REJECTED: 'certificate rejected',
  UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: 'unable to decode issuer public key',
};

// Codes that a missing trust anchor causes, which Node's message follows with a hint.
const MISSING_ROOT = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']);

function verifyError(code) {
  let message = VERIFY_MESSAGES[code] ?? code;
  if (MISSING_ROOT.has(code) && !require('internal/options').hasFlag('--use-system-ca')) {
    message += '; if the root CA is installed locally, try running Node.js with --use-system-ca';
  }
  const err = new Error(message);
  err.code = code;
  return err;
}

// The names in a wire-format ALPN list, or in an array of strings or buffers.
function alpnNames(protocols) {
  if (protocols === undefined || protocols === null) return undefined;
  const Buffer = lazyBuffer();
  if (Array.isArray(protocols)) return protocols.map((p) => Buffer.from(p).toString('latin1'));
  if (ArrayBuffer.isView(protocols)) {
    const b = Buffer.from(protocols.buffer, protocols.byteOffset, protocols.byteLength);
    const names = [];
    for (let i = 0; i < b.length;) {
      const n = b[i];
      names.push(b.toString('latin1', i + 1, i + 1 + n));
      i += 1 + n;
    }
    return names;
  }
  throw new codes.ERR_INVALID_ARG_TYPE('options.ALPNProtocols', ['Array', 'Buffer', 'TypedArray', 'DataView'], protocols);
}

// ---- TLSSocket ------------------------------------------------------------------------------

// `socket.ssl`: the session's handle, as far as programs reach into it.
class TLSHandle {
  constructor(socket) {
    this._socket = socket;
  }

  // The peer's chain verdict as an Error (OpenSSL's code and text), or null when it verified.
  verifyError() {
    const session = this._socket._session;
    const code = session === null ? undefined : binding.verifyError(session);
    return code ? verifyError(code) : null;
  }

  getServername() {
    return this._socket.servername || false;
  }
}

function TLSSocket(socket, opts) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, opts);
  const options = { ...opts };
  if (options.secureContext === undefined) options.secureContext = lazyTls().createSecureContext(options);
  else if (typeof options.secureContext?.context?._handle !== 'function') {
    throw new codes.ERR_TLS_INVALID_CONTEXT('context');
  }
  if (options.ALPNProtocols !== undefined) options.alpn = alpnNames(options.ALPNProtocols);
  if (options.isServer && options.SNICallback !== undefined && options.SNICallback !== null) {
    validateFunction(options.SNICallback, 'options.SNICallback');
  }
  this._tlsOptions = options;
  this._secureEstablished = false;
  this._securePending = false;
  this._newSessionPending = false;
  this._controlReleased = false;
  this.secureConnecting = true;
  this._SNICallback = null;
  this.servername = null;
  this.alpnProtocol = null;
  this.authorized = false;
  this.authorizationError = null;
  this.encrypted = true;
  net.Socket.call(this, {
    allowHalfOpen: socket ? socket.allowHalfOpen === true : options.allowHalfOpen === true,
    highWaterMark: options.highWaterMark,
    signal: options.signal,
  });
  this._requestCert = options.isServer ? options.requestCert === true : true;
  this._rejectUnauthorized = options.rejectUnauthorized !== false;
  this.ssl = new TLSHandle(this);
  this._transport = null;
  this._session = null;
  this._held = null; // ciphertext that arrived while a server chose its context
  this._writesBeforeSecure = [];
  this._peerClosed = false;
  this._transportClosed = false;
  this._discardOutput = false; // a rejected peer gets no more of the handshake
  if (socket) {
    if (typeof socket.on !== 'function' || typeof socket.write !== 'function' || typeof socket.pipe !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('socket', ['net.Socket', 'stream.Duplex'], socket);
    }
    this._wrap(socket);
  }
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

const tproto = TLSSocket.prototype;

Object.defineProperties(tproto, {
  pending: { configurable: true, get() { return this._transport === null || this.connecting; } },
  bufferSize: {
    configurable: true,
    get() { return this._transport !== null && !this.destroyed ? this.writableLength : undefined; },
  },
  _handle: {
    configurable: true,
    get() { return this._transport?._handle ?? null; },
    set(v) { /* the transport owns the handle */ },
  },
});

tproto._peerInfo = function _peerInfo() {
  return this._transport?._peerInfo?.();
};
tproto._localInfo = function _localInfo() {
  return this._transport?._localInfo?.();
};
tproto.address = function address() {
  return this._transport?.address?.() ?? {};
};
tproto.setNoDelay = function setNoDelay(v) {
  this._transport?.setNoDelay?.(v);
  return this;
};
tproto.setKeepAlive = function setKeepAlive(enable, delay) {
  this._transport?.setKeepAlive?.(enable, delay);
  return this;
};
tproto.ref = function ref() {
  this._transport?.ref?.();
  return this;
};
tproto.unref = function unref() {
  this._transport?.unref?.();
  return this;
};

// Takes `transport` as the stream this socket's ciphertext travels on.
tproto._wrap = function _wrap(transport) {
  this._transport = transport;
  this._parent = transport;
  transport.on('data', (chunk) => this._onCipher(chunk));
  transport.on('end', () => this._onTransportEnd());
  // A server that has not finished its handshake reports the transport's failure as 'tlsClientError'.
  transport.on('error', (err) => this._tlsError(err));
  transport.on('close', () => this._onTransportClose());
  transport.on('timeout', () => this.emit('timeout'));
  if (this._tlsOptions.isServer) {
    this._session = binding.accept();
  }
};

// A client starts its handshake once the transport is connected.
tproto._start = function _start() {
  if (this._session !== null || this.destroyed) return;
  const o = this._tlsOptions;
  // As in Node, a name goes out (SNI) only when the caller gave `servername`.
  const name = o.servername ? `${o.servername}` : '';
  this.servername = name || false;
  try {
    this._session = binding.connect(o.secureContext.context._handle(), name, o.alpn, this._wantsKeylog());
  } catch (err) {
    this.destroy(err);
    return;
  }
  this._pump();
};

let keylogFile;
// --tls-keylog=FILE: every session's secrets are appended there.
function keylogPath() {
  if (keylogFile === undefined) {
    const given = require('internal/options').flagValues('--tls-keylog');
    keylogFile = given.length > 0 ? given[given.length - 1] : null;
  }
  return keylogFile;
}

// Secrets are logged only when someone listens for them: 'keylog' on the socket (client) or
// the server, or --tls-keylog.
tproto._wantsKeylog = function _wantsKeylog() {
  const server = this._tlsOptions.server;
  return keylogPath() !== null || this.listenerCount('keylog') > 0 ||
    (server !== undefined && server.listenerCount('keylog') > 0);
};

tproto._emitKeylog = function _emitKeylog() {
  const lines = this._session === null ? undefined : binding.takeKeylog(this._session);
  if (lines === undefined) return;
  const Buffer = lazyBuffer();
  const all = Buffer.from(lines.buffer, lines.byteOffset, lines.length);
  const file = keylogPath();
  if (file !== null) {
    try {
      require('fs').appendFileSync(file, all, { mode: 0o600 });
    } catch { /* Node ignores a log it cannot write */ }
  }
  const server = this._tlsOptions.server;
  for (let at = 0; at < all.length;) {
    const end = all.indexOf(10, at) + 1 || all.length;
    const line = Buffer.from(all.subarray(at, end));
    if (this._tlsOptions.isServer) server?.emit('keylog', line, this);
    else this.emit('keylog', line);
    at = end;
  }
};

// Sends the ciphertext the session has ready; `done` runs once the transport has taken it.
tproto._pump = function _pump(done) {
  if (this._session !== null) this._emitKeylog();
  const out = this._session === null || this._transport === null || this._discardOutput ?
    undefined : binding.pull(this._session);
  const t = this._transport;
  if (out === undefined || t.destroyed || t.writableEnded) {
    if (done) done();
    return;
  }
  t.write(lazyBuffer().from(out.buffer, out.byteOffset, out.length), done);
};

tproto._onCipher = function _onCipher(chunk) {
  if (this._session === null || this.destroyed) return;
  if (this._held !== null) {
    this._held.push(chunk);
    return;
  }
  let bits;
  try {
    bits = binding.receive(this._session, chunk);
  } catch (err) {
    this._pump();
    this._tlsError(err);
    return;
  }
  this._touch();
  this._emitKeylog();
  if (bits & CLIENT_HELLO) {
    this._held = [];
    this._onClientHello();
    return;
  }
  if ((bits & HANDSHAKE_DONE) && !this._tlsOptions.isServer) {
    // A client judges the server's certificate before its Finished leaves: a rejected server
    // sees the connection close mid-handshake, as with Node.
    this._onClientSecure();
    if (this.destroyed) return;
    if (!this._checked) this._flushWritesBeforeSecure();
    this._pump();
  } else {
    this._pump();
    if (bits & HANDSHAKE_DONE) this._onServerSecure();
    if (this.destroyed) return;
  }
  this._pushPlain();
  if ((bits & PEER_CLOSED) && !this._peerClosed) {
    this._peerClosed = true;
    this.push(null);
    // With nothing buffered, 'end' follows even for a socket nobody reads.
    this.read(0);
  }
};

// Each record's plaintext is pushed on its own, as Node's reads return one record at a time.
tproto._pushPlain = function _pushPlain() {
  let full = false;
  // A 'data' listener may destroy the socket, and with it the session, between two records.
  while (this._session !== null && this._session !== undefined) {
    const data = binding.read(this._session);
    if (data === undefined) break;
    if (!this.push(lazyBuffer().from(data.buffer, data.byteOffset, data.length))) full = true;
  }
  if (full && this._transport !== null) this._transport.pause();
};

tproto._read = function _read() {
  if (this._transport !== null && this._transport.isPaused?.() && this._held === null) this._transport.resume();
};

tproto._onTransportEnd = function _onTransportEnd() {
  if (!this._secureEstablished && !this.destroyed) {
    const o = this._tlsOptions;
    let err;
    if (o.isServer) {
      err = new Error('socket hang up');
    } else {
      err = new Error('Client network socket disconnected before secure TLS connection was established');
      err.path = o.path;
      err.host = o.host;
      err.port = o.port;
      err.localAddress = o.localAddress;
    }
    err.code = 'ECONNRESET';
    this._tlsError(err);
    return;
  }
  if (!this._peerClosed) {
    this._peerClosed = true;
    this.push(null);
    this.read(0);
  }
};

tproto._onTransportClose = function _onTransportClose() {
  this._transportClosed = true;
  if (!this.destroyed) this.destroy();
  else this._emitClose();
};

tproto._emitClose = function _emitClose() {
  if (this._closeQueued || !this._transportClosed || !this.destroyed) return;
  this._closeQueued = true;
  this.emit('close', this._hadError);
  const server = this._server;
  if (server !== null) {
    this._server = null;
    server._connectionClosed?.();
  }
};

// A failure of TLS itself: a server reports it as 'tlsClientError' before the handshake ends.
tproto._tlsError = function _tlsError(err) {
  const o = this._tlsOptions;
  this.emit('_tlsError', err);
  if (o.isServer && !this._secureEstablished) {
    // A tls.Server's socket reports it as the server's 'tlsClientError'; a server-side socket
    // made with no server at all only closes.
    if (this._fromServer) {
      this.destroy();
      o.server.emit('tlsClientError', err, this);
      return;
    }
    if (!o.server) {
      this.destroy();
      return;
    }
  }
  this.destroy(err);
};

tproto._onClientHello = function _onClientHello() {
  const o = this._tlsOptions;
  const [servername, offered] = binding.clientHello(this._session);
  this.servername = servername ?? false;
  const proceed = (err, context) => {
    if (this.destroyed) return;
    if (err) {
      this._tlsError(err);
      return;
    }
    let alpn = o.alpn;
    if (typeof o.ALPNCallback === 'function' && offered.length > 0) {
      let chosen;
      try {
        chosen = o.ALPNCallback.call(this, { servername: servername ?? undefined, protocols: offered });
      } catch (e) {
        this.destroy(e);
        return;
      }
      if (chosen !== undefined && !offered.includes(chosen)) {
        this._held = null;
        this._tlsError(new codes.ERR_TLS_ALPN_CALLBACK_INVALID_RESULT(chosen));
        return;
      }
      alpn = chosen === undefined ? ['\u0000unmatched'] : [chosen];
    }
    const ctx = this._keyCertContext ?? context ?? o.secureContext;
    if (!(ctx instanceof lazyTls().SecureContext) || typeof ctx.context?._handle !== 'function') {
      this._held = null;
      this._tlsError(new Error('Invalid SNI context'));
      return;
    }
    try {
      binding.serve(this._session, ctx.context._handle(), alpn, this._requestCert,
        this._requestCert && this._rejectUnauthorized, this._wantsKeylog());
    } catch (e) {
      this._held = null;
      this._pump();
      this._tlsError(e);
      return;
    }
    this._pump();
    const held = this._held;
    this._held = null;
    for (const chunk of held) this._onCipher(chunk);
    if (this._transport?.isPaused?.()) this._transport.resume();
  };
  const sni = o.SNICallback;
  if (typeof sni === 'function' && servername) {
    this._transport?.pause?.();
    let called = false;
    try {
      sni(servername, (err, context) => {
        if (called) return;
        called = true;
        proceed(err, context);
      });
    } catch (err) {
      proceed(err);
    }
  } else {
    proceed(null, o.server?._contextFor?.(servername));
  }
};

tproto._afterSecure = function _afterSecure() {
  this._secureEstablished = true;
  this.secureConnecting = false;
  const info = binding.info(this._session);
  this._info = info;
  this.alpnProtocol = info.alpn ?? false;
};

tproto._onClientSecure = function _onClientSecure() {
  this._afterSecure();
  // A bare TLSSocket reports the verdict and goes on; tls.connect() listens for 'secure' to
  // check it (onConnectSecure), as in Node.
  const code = binding.verifyError(this._session);
  if (code) this.authorizationError = code;
  else this.authorized = true;
  this.emit('secure');
};

// tls.connect()'s judgement of the server once the handshake is done: the chain's verdict, then
// the host name; a failure destroys the socket when rejectUnauthorized is on.
function onConnectSecure() {
  const o = this._tlsOptions;
  let failure = null;
  const code = binding.verifyError(this._session);
  if (code) {
    failure = verifyError(code);
  } else if (!this.isSessionReused()) {
    const host = o.servername || o.host || 'localhost';
    const check = o.checkServerIdentity ?? lazyTls().checkServerIdentity;
    failure = check(host, this.getPeerCertificate(true)) ?? null;
  }
  if (failure) {
    this.authorized = false;
    this.authorizationError = failure.code || failure.message;
    if (this._rejectUnauthorized) {
      this._discardOutput = true;
      this.destroy(failure);
      return;
    }
  } else {
    this.authorized = true;
  }
  this.emit('secureConnect');
  this._flushWritesBeforeSecure();
}

tproto._onServerSecure = function _onServerSecure() {
  this._afterSecure();
  if (this._requestCert) {
    const code = binding.verifyError(this._session);
    if (code === null) {
      this.authorized = true;
    } else {
      this.authorizationError = code ?? 'UNABLE_TO_GET_ISSUER_CERT';
      if (this._rejectUnauthorized) {
        this.destroy();
        return;
      }
    }
  }
  this.emit('secure');
  const server = this._tlsOptions.server;
  if (server) server.emit('secureConnection', this);
  this._flushWritesBeforeSecure();
};

tproto._flushWritesBeforeSecure = function _flushWritesBeforeSecure() {
  const queued = this._writesBeforeSecure;
  this._writesBeforeSecure = [];
  for (const [data, encoding, cb] of queued) this._writeGeneric(data, encoding, cb);
};

tproto._writeGeneric = function _writeGeneric(data, encoding, cb) {
  if (!this._secureEstablished) {
    this._writesBeforeSecure.push([data, encoding, cb]);
    return;
  }
  if (this._session === null || this.destroyed) {
    cb(new codes.ERR_SOCKET_CLOSED());
    return;
  }
  const bytes = typeof data === 'string' ? lazyBuffer().from(data, encoding) : data;
  try {
    binding.write(this._session, bytes);
  } catch (err) {
    cb(err);
    return;
  }
  this._bytesDispatched += bytes.length;
  this._touch();
  // The write is done when its ciphertext has gone to the transport, never in the same tick,
  // so that bufferSize counts writes made together, as in Node.
  this._pump((err) => process.nextTick(cb, err));
};

tproto._final = function _final(cb) {
  const finish = () => {
    if (this._session !== null) {
      binding.end(this._session);
      this._pump();
    }
    if (this._transport !== null && !this._transport.writableEnded) this._transport.end();
    cb();
  };
  if (!this._secureEstablished && !this.destroyed) this.once('secure', finish).once('secureConnect', finish);
  else finish();
};

tproto._destroy = function _destroy(err, cb) {
  this.connecting = false;
  this._clearTimer();
  this._hadError = err !== undefined && err !== null;
  const t = this._transport;
  cb(err);
  if (t !== null && !t.destroyed) {
    // What the session still has (an alert, close_notify) goes out first.
    this._pump();
    t.destroy();
  } else {
    this._transportClosed = true;
  }
  if (t === null || t.closed || this._transportClosed) {
    this._transportClosed = true;
    process.nextTick(() => this._emitClose());
  }
};

// Connects over a new TCP socket (net.Socket.connect's arguments), then starts the handshake.
tproto.connect = function connect(...args) {
  const [options, cb] = net._normalizeArgs(args);
  if (cb) this.once('connect', cb);
  const transport = new net.Socket({ allowHalfOpen: this.allowHalfOpen });
  this._wrap(transport);
  this.connecting = true;
  transport.once('connect', () => {
    this.connecting = false;
    this.emit('connect');
    this._start();
  });
  transport.on('lookup', (...a) => this.emit('lookup', ...a));
  transport.connect(options);
  return this;
};

// A server choosing its certificate before the handshake goes on (from ALPNCallback or
// SNICallback): a SecureContext or createSecureContext()'s options.
tproto.setKeyCert = function setKeyCert(context) {
  const tls = lazyTls();
  this._keyCertContext = context instanceof tls.SecureContext ? context : tls.createSecureContext(context);
};

tproto._destroySSL = function _destroySSL() {
  this._session = null;
  this.ssl = null;
};

// ---- what a TLSSocket reports -----------------------------------------------------------------

function legacyOf(der) {
  const { X509Certificate } = require('crypto');
  return new X509Certificate(lazyBuffer().from(der)).toLegacyObject();
}

// The peer's chain: the one it verified through when there is one (it ends at the trusted
// root), else what the peer sent.
tproto._peerChain = function _peerChain() {
  if (this._session === null) return [];
  const verified = binding.verifiedChain(this._session);
  return verified.length > 0 ? verified : binding.peerCertificates(this._session);
};

tproto.getPeerCertificate = function getPeerCertificate(detailed) {
  if (this._session === null) return null;
  const chain = this._peerChain();
  if (chain.length === 0) return {};
  if (!detailed) return legacyOf(chain[0]);
  const certs = chain.map(legacyOf);
  for (let i = 0; i < certs.length - 1; i++) certs[i].issuerCertificate = certs[i + 1];
  const last = certs[certs.length - 1];
  if (last.issuer && JSON.stringify(last.issuer) === JSON.stringify(last.subject)) last.issuerCertificate = last;
  return certs[0];
};
tproto.getCertificate = function getCertificate() {
  if (this._session === null) return null;
  const own = binding.ownCertificates(this._session);
  return own.length === 0 ? {} : legacyOf(own[0]);
};
tproto.getPeerX509Certificate = function getPeerX509Certificate() {
  const chain = this._peerChain();
  if (chain.length === 0) return undefined;
  const { X509Certificate } = require('crypto');
  const { kIssuerCertificate } = require('internal/crypto/x509');
  const certs = chain.map((der) => new X509Certificate(lazyBuffer().from(der)));
  for (let i = 0; i < certs.length - 1; i++) certs[i][kIssuerCertificate] = certs[i + 1];
  return certs[0];
};
tproto.getX509Certificate = function getX509Certificate() {
  if (this._session === null) return undefined;
  const own = binding.ownCertificates(this._session);
  if (own.length === 0) return undefined;
  const { X509Certificate } = require('crypto');
  return new X509Certificate(lazyBuffer().from(own[0]));
};
tproto.getProtocol = function getProtocol() {
  if (!this._secureEstablished) return null;
  return this._info.protocol ?? null;
};
tproto.getCipher = function getCipher() {
  if (!this._secureEstablished) return undefined;
  const { cipher, standardName } = this._info;
  // The version a suite belongs to: TLS 1.2's name a key exchange (`_WITH_`).
  return { name: cipher, standardName, version: standardName.includes('_WITH_') ? 'TLSv1.2' : 'TLSv1.3' };
};
tproto.getEphemeralKeyInfo = function getEphemeralKeyInfo() {
  if (!this._secureEstablished) return null;
  if (this._tlsOptions.isServer) return {};
  const sizes = { X25519: 253, prime256v1: 256, secp384r1: 384 };
  const name = this._info.group;
  return { type: 'ECDH', name, size: sizes[name] };
};
tproto.isSessionReused = function isSessionReused() {
  return this._secureEstablished ? this._info.resumed === true : false;
};
tproto.exportKeyingMaterial = function exportKeyingMaterial(length, label, context) {
  validateInt32(length, 'length', 1);
  validateString(label, 'label');
  if (context !== undefined) validateBuffer(context, 'context');
  if (!this._secureEstablished) throw new codes.ERR_TLS_INVALID_STATE();
  const out = binding.exportKeyingMaterial(this._session, length, label, context);
  return lazyBuffer().from(out.buffer, out.byteOffset, out.length);
};
tproto.setServername = function setServername(name) {
  validateString(name, 'name');
  if (this._tlsOptions.isServer) throw new codes.ERR_TLS_SNI_FROM_SERVER();
  this._tlsOptions.servername = name;
};
tproto.setMaxSendFragment = function setMaxSendFragment(size) {
  validateInt32(size, 'size');
  if (size < 512 || size > 16384 || this._session === null) return false;
  binding.setMaxFragment(this._session, size);
  return true;
};
tproto.renegotiate = function renegotiate(options, callback) {
  validateObject(options, 'options');
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (this.destroyed) return false;
  // Neither TLS 1.3 nor rustls renegotiates.
  const err = new codes.ERR_TLS_RENEGOTIATION_DISABLED();
  if (callback) process.nextTick(callback, err);
  return false;
};
tproto.disableRenegotiation = function disableRenegotiation() {
  this._renegotiationDisabled = true;
};
// Sessions resume only within their secure context: rustls does not export or import them.
for (const name of ['getFinished', 'getPeerFinished', 'getSharedSigalgs', 'enableTrace', 'getSession',
  'getTLSTicket', 'setSession']) {
  tproto[name] = function () { throw new codes.ERR_NOT_IMPLEMENTED(`tls.TLSSocket.${name}`); };
}

// ---- tls.connect ----------------------------------------------------------------------------

function normalizeConnectArgs(args) {
  let options = {};
  let cb;
  const rest = [...args];
  if (typeof rest[rest.length - 1] === 'function') cb = rest.pop();
  if (rest[0] !== null && typeof rest[0] === 'object') {
    options = { ...rest[0] };
  } else {
    if (typeof rest[0] === 'string' && Number.isNaN(Number(rest[0]))) options.path = rest[0];
    else if (rest[0] !== undefined) options.port = rest[0];
    let i = 1;
    if (typeof rest[1] === 'string') {
      options.host = rest[1];
      i = 2;
    }
    if (rest[i] !== null && typeof rest[i] === 'object') options = { ...rest[i], ...options };
  }
  return [options, cb];
}

function connect(...args) {
  const [opts, cb] = normalizeConnectArgs(args);
  const options = {
    rejectUnauthorized: !allowUnauthorizedByEnv(),
    ciphers: lazyTls().DEFAULT_CIPHERS,
    checkServerIdentity: lazyTls().checkServerIdentity,
    minDHSize: 1024,
    ...opts,
  };
  if (options.rejectUnauthorized === undefined) options.rejectUnauthorized = !allowUnauthorizedByEnv();
  validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  if (options.servername !== undefined && options.servername !== null) {
    validateString(options.servername, 'options.servername');
    if (net.isIP(options.servername)) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.servername', options.servername,
        'Setting the TLS ServerName to an IP address is not permitted.');
    }
  }
  const context = options.secureContext ?? lazyTls().createSecureContext(options);
  const sock = new TLSSocket(options.socket, {
    ...options,
    secureContext: context,
    isServer: false,
    requestCert: true,
  });
  sock._checked = true;
  sock.once('secure', onConnectSecure);
  if (cb) sock.once('secureConnect', cb);
  if (options.timeout) sock.setTimeout(options.timeout);
  if (options.socket) {
    const t = options.socket;
    if (t.connecting) {
      t.once('connect', () => sock._start());
    } else {
      process.nextTick(() => sock._start());
    }
    return sock;
  }
  const connectOptions = {
    port: options.port, host: options.host ?? 'localhost', path: options.path, family: options.family,
    localAddress: options.localAddress, localPort: options.localPort, lookup: options.lookup,
    autoSelectFamily: options.autoSelectFamily, noDelay: options.noDelay, keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay, hints: options.hints,
  };
  for (const k of Object.keys(connectOptions)) if (connectOptions[k] === undefined) delete connectOptions[k];
  sock.connect(connectOptions);
  return sock;
}

let warnedUnauthorized = false;
function allowUnauthorizedByEnv() {
  const off = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
  if (off && !warnedUnauthorized) {
    warnedUnauthorized = true;
    process.emitWarning('Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to \'0\' ' +
      'makes TLS connections and HTTPS requests insecure by disabling certificate verification.');
  }
  return off;
}

// ---- tls.Server -----------------------------------------------------------------------------

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  this._contexts = [];
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  if (options.ALPNCallback !== undefined) {
    validateFunction(options.ALPNCallback, 'options.ALPNCallback');
    if (options.ALPNProtocols !== undefined) throw new codes.ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS();
  }
  if (options.SNICallback !== undefined) validateFunction(options.SNICallback, 'options.SNICallback');
  if (options.handshakeTimeout !== undefined) validateNumber(options.handshakeTimeout, 'options.handshakeTimeout');
  this.handshakeTimeout = options.handshakeTimeout ?? 120000;
  if (options.sessionTimeout !== undefined) validateInt32(options.sessionTimeout, 'options.sessionTimeout', 0);
  if (options.ALPNProtocols !== undefined) lazyTls().convertALPNProtocols(options.ALPNProtocols, this);
  this._options = options;
  this.setSecureContext(options);
  net.Server.call(this, {
    allowHalfOpen: options.allowHalfOpen,
    // The handshake reads the raw socket at once; pauseOnConnect pauses the TLS socket.
    pauseOnConnect: false,
    noDelay: options.noDelay,
    keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay,
    highWaterMark: options.highWaterMark,
  });
  this.pauseOnConnect = options.pauseOnConnect === true;
  if (options.ALPNCallback !== undefined) this.ALPNCallback = options.ALPNCallback;
  this.on('connection', onServerConnection);
  if (listener) this.on('secureConnection', listener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

// A rejected promise of an async 'secureConnection' listener (with events.captureRejections)
// destroys that socket with the error; any other event goes as net.Server takes it.
Server.prototype[Symbol.for('nodejs.rejection')] = function onRejection(err, event, sock) {
  if (event === 'secureConnection') sock.destroy(err);
  else net.Server.prototype[Symbol.for('nodejs.rejection')].call(this, err, event, sock);
};

function onServerConnection(raw) {
  const server = this;
  // net.Server paused the raw socket for pauseOnConnect; the handshake needs it flowing.
  if (server.pauseOnConnect) raw.resume();
  const o = server._options;
  const sock = new TLSSocket(raw, {
    allowHalfOpen: server.allowHalfOpen,
    secureContext: server._sharedContext,
    isServer: true,
    server,
    requestCert: server.requestCert,
    rejectUnauthorized: server.rejectUnauthorized,
    ALPNProtocols: o.ALPNProtocols,
    ALPNCallback: o.ALPNCallback,
    SNICallback: o.SNICallback,
  });
  sock._server = null;
  sock._fromServer = true;
  if (server.pauseOnConnect) sock.pause();
  if (server.handshakeTimeout > 0) {
    const timer = setTimeout(() => {
      if (sock._secureEstablished || sock.destroyed) return;
      sock._tlsError(new codes.ERR_TLS_HANDSHAKE_TIMEOUT());
    }, server.handshakeTimeout);
    timer.unref?.();
    const clear = () => clearTimeout(timer);
    sock.once('secure', clear);
    sock.once('close', clear);
  }
}

Server.prototype.setSecureContext = function setSecureContext(options) {
  validateObject(options, 'options');
  this._sharedContext = options.secureContext ?? lazyTls().createSecureContext(options);
  this.key = options.key;
  this.cert = options.cert;
  this.ca = options.ca;
};

Server.prototype.addContext = function addContext(servername, context) {
  if (!servername) throw new codes.ERR_TLS_REQUIRED_SERVER_NAME();
  const pattern = new RegExp(`^${servername.replace(/([.^$+?\-\\[\]{}])/g, '\\$1').replace(/\*/g, '[^.]*')}$`);
  const ctx = context instanceof lazyTls().SecureContext ? context : lazyTls().createSecureContext(context);
  this._contexts.push([pattern, ctx]);
};

// The context addContext() gave for this server name, the last added winning.
Server.prototype._contextFor = function _contextFor(servername) {
  if (!servername) return undefined;
  for (let i = this._contexts.length - 1; i >= 0; i--) {
    if (this._contexts[i][0].test(servername)) return this._contexts[i][1];
  }
  return undefined;
};

Server.prototype.setTicketKeys = function setTicketKeys(keys) {
  validateBuffer(keys, 'keys');
  if (keys.byteLength !== 48) throw new codes.ERR_INVALID_ARG_VALUE('keys', keys, 'Session ticket keys must be a 48-byte buffer');
  throw new codes.ERR_NOT_IMPLEMENTED('tls.Server.setTicketKeys');
};
Server.prototype.getTicketKeys = function getTicketKeys() {
  throw new codes.ERR_NOT_IMPLEMENTED('tls.Server.getTicketKeys');
};

function createServer(options, listener) {
  return new Server(options, listener);
}

module.exports = { TLSSocket, Server, createServer, connect };
