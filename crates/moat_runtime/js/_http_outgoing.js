'use strict';
// http.OutgoingMessage: what ServerResponse and ClientRequest share — the header table, the
// head as text, and the body written to the socket with Content-Length or chunked framing.
// Until the message owns a socket (a pipelined response waiting its turn, a request waiting
// for a connection), what it writes is kept and sent when the socket comes.

const { Stream } = require('stream');
const { codes } = require('internal/errors');
const common = require('_http_common');
const { _checkIsHttpToken: checkIsHttpToken, _checkInvalidHeaderChar: checkInvalidHeaderChar } = common;

let BufferClass;
const lazyBuffer = () => (BufferClass ??= require('buffer').Buffer);
let net;
const lazyNet = () => (net ??= require('net'));
const kOutHeaders = Symbol('kOutHeaders');
const kNeedDrain = Symbol('kNeedDrain');
const kCorked = Symbol('corked');
const kHighWaterMark = 16 * 1024;
const nonAsciiRegExp = /[^\x00-\x7f]/;

function validateHeaderName(name, label = 'Header name') {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new codes.ERR_INVALID_HTTP_TOKEN(label, name);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) throw new codes.ERR_HTTP_INVALID_HEADER_VALUE(value, name);
  if (checkInvalidHeaderChar(String(value))) throw new codes.ERR_INVALID_CHAR('header content', name);
}

// The date for the Date header, computed at most once a second.
let dateCache = '';
let dateCacheAt = 0;
function utcDate() {
  const now = Date.now();
  if (now - dateCacheAt >= 1000 || dateCache === '') {
    dateCache = new Date(now).toUTCString();
    dateCacheAt = now - (now % 1000);
  }
  return dateCache;
}

function OutgoingMessage(options) {
  Stream.call(this);
  this.outputData = [];
  this.outputSize = 0;
  this.writable = true;
  this.destroyed = false;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.maxRequestsOnConnectionReached = false;
  this._defaultKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._removedConnection = false;
  this._removedContLen = false;
  this._removedTE = false;
  this.strictContentLength = false;
  this._contentLength = null;
  this._hasBody = true;
  this._trailer = '';
  this[kNeedDrain] = false;
  this.finished = false;
  this._headerSent = false;
  this[kCorked] = 0;
  this._closed = false;
  this.socket = null;
  this._header = null;
  this[kOutHeaders] = null;
  this._keepAliveTimeout = 0;
  this._onPendingData = null;
  this._writtenBody = 0;
  this._finishCallbacks = null;
  this.highWaterMark = options?.highWaterMark ?? kHighWaterMark;
  this._errored = null;
}
Object.setPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
Object.setPrototypeOf(OutgoingMessage, Stream);

const proto = OutgoingMessage.prototype;

Object.defineProperties(proto, {
  errored: { configurable: true, get() { return this._errored; } },
  closed: { configurable: true, get() { return this._closed; } },
  writableFinished: {
    configurable: true,
    get() { return this.finished && this.outputSize === 0 && (!this.socket || this.socket.writableLength === 0); },
  },
  writableObjectMode: { configurable: true, get() { return false; } },
  writableLength: { configurable: true, get() { return this.outputSize + (this.socket ? this.socket.writableLength : 0); } },
  writableHighWaterMark: { configurable: true, get() { return this.socket ? this.socket.writableHighWaterMark : this.highWaterMark; } },
  writableCorked: { configurable: true, get() { return this.socket ? this.socket.writableCorked : this[kCorked]; } },
  writableEnded: { configurable: true, get() { return this.finished; } },
  writableNeedDrain: { configurable: true, get() { return !this.destroyed && !this.finished && this[kNeedDrain]; } },
  connection: {
    configurable: true, enumerable: true,
    get() { return this.socket; },
    set(v) { this.socket = v; },
  },
  headersSent: { configurable: true, enumerable: true, get() { return !!this._header; } },
  _headers: {
    configurable: true,
    get() { return this.getHeaders(); },
    set(v) {
      if (v === null || v === undefined) this[kOutHeaders] = null;
      else if (typeof v === 'object') {
        const t = this[kOutHeaders] = { __proto__: null };
        for (const k of Object.keys(v)) t[k.toLowerCase()] = [k, v[k]];
      }
    },
  },
});

proto.cork = function cork() {
  if (this.socket) this.socket.cork();
  else this[kCorked]++;
};
proto.uncork = function uncork() {
  if (this.socket) this.socket.uncork();
  else if (this[kCorked]) this[kCorked]--;
};

proto.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (!this.socket) this.once('socket', (socket) => socket.setTimeout(msecs));
  else this.socket.setTimeout(msecs);
  return this;
};

proto.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this._errored = error;
  if (this.socket) this.socket.destroy(error);
  else {
    this.once('socket', (socket) => socket.destroy(error));
  }
  return this;
};

// ---- headers -------------------------------------------------------------------------------

proto.setHeader = function setHeader(name, value) {
  if (this._header) throw new codes.ERR_HTTP_HEADERS_SENT('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
  headers[name.toLowerCase()] = [name, value];
  return this;
};

proto.setHeaders = function setHeaders(headers) {
  if (this._header) throw new codes.ERR_HTTP_HEADERS_SENT('set');
  if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' || typeof headers.get !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('headers', ['Headers', 'Map'], headers);
  }
  const cookies = [];
  let cookiesRead = false;
  for (const key of headers.keys()) {
    if (key.toLowerCase() === 'set-cookie') {
      // A Headers lists the field once per cookie; getSetCookie() has them all.
      if (cookiesRead) continue;
      cookiesRead = true;
      if (typeof headers.getSetCookie === 'function') cookies.push(...headers.getSetCookie());
      else cookies.push(...[].concat(headers.get(key)));
      continue;
    }
    this.setHeader(key, headers.get(key));
  }
  if (cookies.length) this.setHeader('set-cookie', cookies);
  return this;
};

proto.appendHeader = function appendHeader(name, value) {
  if (this._header) throw new codes.ERR_HTTP_HEADERS_SENT('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const key = name.toLowerCase();
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
  const existing = headers[key];
  if (existing === undefined) {
    headers[key] = [name, value];
    return this;
  }
  const old = Array.isArray(existing[1]) ? existing[1] : [existing[1]];
  existing[1] = old.concat(value);
  return this;
};

proto.getHeader = function getHeader(name) {
  if (typeof name !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('name', 'string', name);
  const headers = this[kOutHeaders];
  if (headers === null) return undefined;
  const entry = headers[name.toLowerCase()];
  return entry && entry[1];
};

proto.getHeaderNames = function getHeaderNames() {
  return this[kOutHeaders] !== null ? Object.keys(this[kOutHeaders]) : [];
};

proto.getRawHeaderNames = function getRawHeaderNames() {
  const headers = this[kOutHeaders];
  if (headers === null) return [];
  return Object.values(headers).map((e) => e[0]);
};

proto.getHeaders = function getHeaders() {
  const headers = this[kOutHeaders];
  const ret = { __proto__: null };
  if (headers) for (const key of Object.keys(headers)) ret[key] = headers[key][1];
  return ret;
};

proto.hasHeader = function hasHeader(name) {
  if (typeof name !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('name', 'string', name);
  return this[kOutHeaders] !== null && !!this[kOutHeaders][name.toLowerCase()];
};

proto.removeHeader = function removeHeader(name) {
  if (typeof name !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('name', 'string', name);
  if (this._header) throw new codes.ERR_HTTP_HEADERS_SENT('remove');
  const key = name.toLowerCase();
  if (key === 'content-length') this._removedContLen = true;
  else if (key === 'transfer-encoding') this._removedTE = true;
  else if (key === 'date') this.sendDate = false;
  else if (key === 'connection') this._removedConnection = true;
  if (this[kOutHeaders] !== null) delete this[kOutHeaders][key];
};

proto._renderHeaders = function _renderHeaders() {
  if (this._header) throw new codes.ERR_HTTP_HEADERS_SENT('render');
  return this.getHeaders();
};

// Builds the head: `firstLine` then the fields, with the framing and connection fields Node
// adds when the program did not set them.
proto._storeHeader = function _storeHeader(firstLine, headers) {
  const state = { connection: false, contLen: false, te: false, date: false, expect: false, trailer: false, header: firstLine };
  if (headers) {
    if (headers === this[kOutHeaders]) {
      for (const key in headers) {
        const entry = headers[key];
        processHeader(this, state, entry[0], entry[1], false);
      }
    } else if (Array.isArray(headers)) {
      if (headers.length && Array.isArray(headers[0])) {
        for (const [k, v] of headers) processHeader(this, state, k, v, true);
      } else {
        if (headers.length % 2 !== 0) throw new codes.ERR_INVALID_ARG_VALUE('headers', headers);
        for (let i = 0; i < headers.length; i += 2) processHeader(this, state, headers[i], headers[i + 1], true);
      }
    } else {
      for (const key in headers) {
        if (Object.prototype.hasOwnProperty.call(headers, key)) processHeader(this, state, key, headers[key], true);
      }
    }
  }
  let header = state.header;
  if (this.sendDate && !state.date) header += `Date: ${utcDate()}\r\n`;
  // A 204 or 304 has no body, so a chunked one sends no last chunk; the connection closes
  // after it instead, as in Node.
  if (this.chunkedEncoding && (this.statusCode === 204 || this.statusCode === 304)) {
    this.chunkedEncoding = false;
    this.shouldKeepAlive = false;
  }
  const defaults = this[kSetDefaultHeaders] !== false;
  if (this._removedConnection) {
    // Without the field the peer cannot tell the connection stays open.
    this._last = true;
  } else if (!state.connection && defaults) {
    const shouldSendKeepAlive = this.shouldKeepAlive &&
      (state.contLen || this.useChunkedEncodingByDefault || this.agent);
    if (shouldSendKeepAlive && this.maxRequestsOnConnectionReached) {
      header += 'Connection: close\r\n';
    } else if (shouldSendKeepAlive) {
      header += 'Connection: keep-alive\r\n';
      if (this._keepAliveTimeout && this._defaultKeepAlive) {
        header += `Keep-Alive: timeout=${Math.floor(this._keepAliveTimeout / 1000)}`;
        if (this._maxRequestsPerSocket) header += `, max=${this._maxRequestsPerSocket}`;
        header += '\r\n';
      }
    } else {
      this._last = true;
      header += 'Connection: close\r\n';
    }
  }
  if (!state.contLen && !state.te && defaults) {
    if (!this._hasBody) {
      this.chunkedEncoding = false;
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (!state.trailer && !this._removedContLen && typeof this._contentLength === 'number') {
      header += `Content-Length: ${this._contentLength}\r\n`;
    } else if (!this._removedTE) {
      header += 'Transfer-Encoding: chunked\r\n';
      this.chunkedEncoding = true;
    } else {
      this._last = true;
    }
  }
  if (this.chunkedEncoding !== true && state.trailer) {
    throw new codes.ERR_HTTP_TRAILER_INVALID();
  }
  this._header = header + '\r\n';
  this._headerSent = false;
  if (state.expect) this._send('');
};

function processHeader(self, state, key, value, validate) {
  if (validate) validateHeaderName(key);
  if (Array.isArray(value)) {
    if (value.length < 2 || !isCookieField(key)) {
      for (const v of value) storeHeader(self, state, key, v, validate);
      return;
    }
    value = value.join('; ');
  }
  storeHeader(self, state, key, value, validate);
}

function isCookieField(s) { return s.length === 6 && s.toLowerCase() === 'cookie'; }

function storeHeader(self, state, key, value, validate) {
  if (validate) validateHeaderValue(key, value);
  state.header += `${key}: ${value}\r\n`;
  matchHeader(self, state, key, value);
}

function matchHeader(self, state, field, value) {
  if (field.length < 4 || field.length > 17) return;
  field = field.toLowerCase();
  switch (field) {
    case 'connection':
      state.connection = true;
      self._removedConnection = false;
      if (/(?:^|\W)close(?:$|\W)/i.test(value)) self._last = true;
      else self.shouldKeepAlive = true;
      break;
    case 'transfer-encoding':
      state.te = true;
      self._removedTE = false;
      if (common.chunkExpression.test(value)) self.chunkedEncoding = true;
      break;
    case 'content-length':
      state.contLen = true;
      self._contentLength = +value;
      self._removedContLen = false;
      break;
    case 'date':
    case 'expect':
    case 'trailer':
      state[field] = true;
      break;
    case 'keep-alive':
      self._defaultKeepAlive = false;
      break;
  }
}

// ---- body ----------------------------------------------------------------------------------

proto.write = function write(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  const ret = writeImpl(this, chunk, encoding, callback, false);
  if (!ret) this[kNeedDrain] = true;
  return ret;
};

function byteLength(chunk, encoding) {
  return typeof chunk === 'string' ? lazyBuffer().byteLength(chunk, encoding) : chunk.byteLength;
}

// From end() (`fromEnd`), `finish` is called once the body is written when it needs no
// closing chunk; writeImpl answers kEnded then, and end() has nothing more to send.
function writeImpl(msg, chunk, encoding, callback, fromEnd, finish) {
  if (typeof callback !== 'function') callback = undefined;
  if (chunk === null) throw new codes.ERR_STREAM_NULL_VALUES();
  if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  }
  let err;
  if (msg.finished) err = new codes.ERR_STREAM_WRITE_AFTER_END();
  else if (msg.destroyed) err = new codes.ERR_STREAM_DESTROYED('write');
  if (err) {
    if (!msg.destroyed) process.nextTick(() => msg.emit('error', err));
    if (callback) process.nextTick(callback, err);
    return false;
  }
  if (!msg._header) {
    if (fromEnd) msg._contentLength = byteLength(chunk, encoding);
    msg._implicitHeader();
  }
  if (!msg._hasBody) {
    if (msg[kRejectNonStandardBodyWrites]) throw new codes.ERR_HTTP_BODY_NOT_ALLOWED();
    if (callback) process.nextTick(callback);
    return true;
  }
  const len = byteLength(chunk, encoding);
  if (isStrictContentLength(msg)) {
    const total = msg._writtenBody + len;
    if (fromEnd ? total !== msg._contentLength : total > msg._contentLength) {
      throw new codes.ERR_HTTP_CONTENT_LENGTH_MISMATCH(total, msg._contentLength);
    }
  }
  msg._writtenBody += len;
  if (!fromEnd && msg.socket && !msg.socket.writableCorked) {
    msg.socket.cork();
    process.nextTick(uncorkSocket, msg.socket);
  }
  let ret;
  if (msg.chunkedEncoding && len > 0) {
    msg._send(`${len.toString(16)}\r\n`, 'latin1', null);
    msg._send(chunk, encoding, null);
    ret = msg._send('\r\n', 'latin1', callback);
  } else if (finish !== undefined && !msg.chunkedEncoding) {
    msg._send(chunk, encoding, finish);
    ret = kEnded;
  } else {
    // An empty chunk sends no chunk, but does send the head.
    ret = msg._send(chunk, encoding, callback);
  }
  return ret;
}
const kEnded = Symbol('ended');
const kRejectNonStandardBodyWrites = Symbol('rejectNonStandardBodyWrites');

// Whether the body must match the Content-Length sent (`strictContentLength`, a length, no
// chunked framing).
function isStrictContentLength(msg) {
  return msg.strictContentLength && typeof msg._contentLength === 'number' && msg._hasBody &&
    !msg._removedContLen && !msg.chunkedEncoding && !msg.hasHeader('transfer-encoding');
}
// false on a request made with `setDefaultHeaders: false`: no Connection, Content-Length or
// Transfer-Encoding field is added.
const kSetDefaultHeaders = Symbol('setDefaultHeaders');

function uncorkSocket(socket) { socket.uncork(); }

// Sends `data` after the head when the head has not gone out yet.
proto._send = function _send(data, encoding, callback) {
  if (!this._headerSent && this._header !== null) {
    const header = this._header;
    // The head goes out as Latin-1; joined with a UTF-8 body only when that is the same.
    if (typeof data === 'string' && (encoding === 'latin1' ||
        ((encoding === 'utf8' || !encoding) && !nonAsciiRegExp.test(header)))) {
      data = header + data;
    } else {
      this.outputData.unshift({ data: header, encoding: 'latin1', callback: null });
      this.outputSize += header.length;
      this._onPendingData?.(header.length);
    }
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding, callback);
};

proto._writeRaw = function _writeRaw(data, encoding, callback) {
  const conn = this.socket;
  if (conn && conn.destroyed) return false;
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (conn && conn._httpMessage === this && conn.writable) {
    if (this.outputData.length) this._flushOutput(conn);
    // A net.Socket writes at once when nothing waits before this.
    if (typeof conn._writeNow === 'function') return conn._writeNow(data, encoding, callback ?? undefined);
    return conn.write(data, encoding, callback ?? undefined);
  }
  this.outputData.push({ data, encoding, callback });
  const n = typeof data === 'string' ? data.length : data.byteLength;
  this.outputSize += n;
  this._onPendingData?.(n);
  return this.outputSize < this.writableHighWaterMark;
};

proto._implicitHeader = function _implicitHeader() {
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
};

proto.addTrailers = function addTrailers(headers) {
  this._trailer = '';
  const keys = Array.isArray(headers) ? null : Object.keys(headers);
  const n = keys ? keys.length : headers.length;
  for (let i = 0; i < n; i++) {
    let field;
    let value;
    if (keys) {
      field = keys[i];
      value = headers[field];
    } else {
      [field, value] = headers[i];
    }
    validateHeaderName(field, 'Trailer name');
    if (Array.isArray(value) && value.length > 1) {
      for (const v of value) {
        if (checkInvalidHeaderChar(v)) throw new codes.ERR_INVALID_CHAR('trailer content', field);
        this._trailer += `${field}: ${v}\r\n`;
      }
    } else {
      if (Array.isArray(value)) value = value.join('; ');
      if (checkInvalidHeaderChar(String(value))) throw new codes.ERR_INVALID_CHAR('trailer content', field);
      this._trailer += `${field}: ${value}\r\n`;
    }
  }
};

proto.end = function end(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (chunk !== null && chunk !== undefined) {
    if (this.finished) {
      const err = new codes.ERR_STREAM_WRITE_AFTER_END();
      process.nextTick(() => {
        if (!this.destroyed) this.emit('error', err);
        if (typeof callback === 'function') callback(err);
      });
      return this;
    }
    if (!this._header && this._hasBody && this.socket && this.socket._httpMessage === this &&
        this.outputData.length === 0) {
      // Head and body in one write, which also finishes the message: the common whole-body
      // response or request; 'finish' when it is written.
      const finish = () => onFinish(this);
      // On a net.Socket the end needs no write of its own (Node's empty one sends nothing);
      // another stream sees it, as in Node.
      const ended = writeImpl(this, chunk, encoding, null, true,
        this.socket instanceof lazyNet().Socket ? finish : undefined) === kEnded;
      if (typeof callback === 'function') this.once('finish', callback);
      // Otherwise the end: an empty write, or the last chunk when the body is chunked after
      // all (trailers were declared).
      if (!ended) {
        if (this.chunkedEncoding) this._send(`0\r\n${this._trailer}\r\n`, 'latin1', finish);
        else this._send('', 'latin1', finish);
      }
      this.finished = true;
      this._finish();
      return this;
    }
    const socket = this.socket;
    if (socket) socket.cork();
    try {
      writeImpl(this, chunk, encoding, null, true);
    } finally {
      if (socket) socket.uncork();
    }
  } else if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) this.on('finish', callback);
      else callback(new codes.ERR_STREAM_ALREADY_FINISHED('end'));
    }
    return this;
  } else if (!this._header) {
    this._contentLength = 0;
    this._implicitHeader();
  }
  if (typeof callback === 'function') this.once('finish', callback);
  if ((chunk === null || chunk === undefined) && isStrictContentLength(this) &&
      this._contentLength !== this._writtenBody) {
    throw new codes.ERR_HTTP_CONTENT_LENGTH_MISMATCH(this._writtenBody, this._contentLength);
  }
  const finish = () => onFinish(this);
  if (this._hasBody && this.chunkedEncoding) {
    this._send(`0\r\n${this._trailer}\r\n`, 'latin1', finish);
  } else if (!this._headerSent || this.writableLength || chunk) {
    this._send('', 'latin1', finish);
  } else {
    process.nextTick(finish);
  }
  this.finished = true;
  if (this.outputData.length === 0 && this.socket && this.socket._httpMessage === this) this._finish();
  return this;
};

function onFinish(msg) {
  if (msg._finishEmitted) return;
  msg._finishEmitted = true;
  msg.emit('finish');
}

proto._finish = function _finish() {
  this.emit('prefinish');
};

// Sends what was written before the socket came.
proto._flush = function _flush() {
  const socket = this.socket;
  if (socket && socket.writable) {
    const ret = this._flushOutput(socket);
    if (this.finished) this._finish();
    else if (ret && this[kNeedDrain]) {
      this[kNeedDrain] = false;
      this.emit('drain');
    }
  }
};

proto._flushOutput = function _flushOutput(socket) {
  const data = this.outputData;
  if (data.length === 0) return true;
  socket.cork();
  let ret = true;
  for (const { data: d, encoding, callback } of data) ret = socket.write(d, encoding, callback ?? undefined);
  socket.uncork();
  this.outputData = [];
  this._onPendingData?.(-this.outputSize);
  this.outputSize = 0;
  return ret;
};

proto.flushHeaders = function flushHeaders() {
  if (!this._header) this._implicitHeader();
  this._send('');
};

proto.pipe = function pipe() {
  this.emit('error', new codes.ERR_STREAM_CANNOT_PIPE());
};

proto[Symbol.asyncDispose] = async function () {
  this.destroy();
};

module.exports = {
  OutgoingMessage,
  validateHeaderName,
  validateHeaderValue,
  kOutHeaders,
  kNeedDrain,
  kRejectNonStandardBodyWrites,
  kSetDefaultHeaders,
  utcDate,
};
