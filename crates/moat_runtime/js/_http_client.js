'use strict';
// http.ClientRequest: a request written to a socket an Agent hands out (or the program's own
// createConnection), and its response read off that socket — head parsed in Rust, body by
// length, chunked or to the end of the connection. A keep-alive socket goes back to the agent
// once the request is written and the response read.

const net = require('net');
const { codes } = require('internal/errors');
const { validateInteger, validateFunction, validateBoolean, validateNumber } = require('internal/validators');
const common = require('_http_common');
const { IncomingMessage } = require('_http_incoming');
const { OutgoingMessage, kOutHeaders, kNeedDrain, kSetDefaultHeaders } = require('_http_outgoing');
const Agent = require('_http_agent');

const parser = internalBinding('http_parser');
const lazyBuffer = () => require('buffer').Buffer;
const INVALID_PATH_REGEX = /[^\u0021-\u00ff]/;

function connResetException(msg) {
  const err = new Error(msg);
  err.code = 'ECONNRESET';
  return err;
}

function urlToHttpOptions(url) {
  const options = {
    ...url, // what the program added to the URL object, such as headers
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

function ClientRequest(input, options, cb) {
  if (!(this instanceof ClientRequest)) return new ClientRequest(input, options, cb);
  OutgoingMessage.call(this);
  if (typeof input === 'string') {
    const { URL } = require('url');
    input = urlToHttpOptions(new URL(input));
  } else if (input !== null && typeof input === 'object' && typeof input.href === 'string' && input.searchParams) {
    input = urlToHttpOptions(input);
  } else {
    cb = options;
    options = input;
    input = null;
  }
  if (typeof options === 'function') {
    cb = options;
    options = input || {};
  } else {
    options = Object.assign(input || {}, options);
  }

  let agent = options.agent;
  const defaultAgent = options._defaultAgent || Agent.globalAgent;
  if (agent === false) {
    agent = new defaultAgent.constructor();
  } else if (agent === null || agent === undefined) {
    if (typeof options.createConnection !== 'function') agent = defaultAgent;
    options._defaultAgent = defaultAgent;
  } else if (typeof agent.addRequest !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.agent', ['Agent-like Object', 'undefined', 'false'], agent);
  }
  this.agent = agent;

  const protocol = options.protocol || defaultAgent.protocol;
  let expectedProtocol = defaultAgent.protocol;
  if (this.agent?.protocol) expectedProtocol = this.agent.protocol;
  if (options.path) {
    const path = String(options.path);
    if (INVALID_PATH_REGEX.test(path)) throw new codes.ERR_UNESCAPED_CHARACTERS('Request path');
  }
  if (protocol !== expectedProtocol) throw new codes.ERR_INVALID_PROTOCOL(protocol, expectedProtocol);

  // Without an agent (the program's createConnection) there is no default port to leave out
  // of the Host field.
  const defaultPort = options.defaultPort || this.agent?.defaultPort;
  this.port = options.port = options.port || defaultPort || 80;
  this.host = options.host = validateHost(options.hostname, 'hostname') || validateHost(options.host, 'host') || 'localhost';
  const optsWithoutSignal = { __proto__: null, ...options };
  delete optsWithoutSignal.signal;
  const setDefaultHeaders = options.setDefaultHeaders !== false;
  const setHost = options.setHost === undefined ? setDefaultHeaders : Boolean(options.setHost);
  this[kSetDefaultHeaders] = setDefaultHeaders;
  this.socketPath = options.socketPath;
  if (options.timeout !== undefined) this.timeout = getTimerDuration(options.timeout, 'timeout');

  const method = options.method;
  const methodIsString = typeof method === 'string';
  if (method !== null && method !== undefined && !methodIsString) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.method', 'string', method);
  }
  if (methodIsString && method) {
    if (!common._checkIsHttpToken(method)) throw new codes.ERR_INVALID_HTTP_TOKEN('Method', method);
    this.method = method.toUpperCase();
  } else {
    this.method = 'GET';
  }
  if (options.maxHeaderSize !== undefined) validateInteger(options.maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = options.maxHeaderSize;
  if (options.insecureHTTPParser !== undefined) validateBoolean(options.insecureHTTPParser, 'options.insecureHTTPParser');
  this.insecureHTTPParser = options.insecureHTTPParser;
  if (options.joinDuplicateHeaders !== undefined) validateBoolean(options.joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;

  this.path = options.path || '/';
  if (cb) this.once('response', cb);

  if (this.method === 'GET' || this.method === 'HEAD' || this.method === 'DELETE' || this.method === 'OPTIONS' ||
      this.method === 'TRACE' || this.method === 'CONNECT') {
    this.useChunkedEncodingByDefault = false;
  } else {
    this.useChunkedEncodingByDefault = true;
  }
  this._ended = false;
  this.res = null;
  this.aborted = false;
  this.timeoutCb = null;
  this.upgradeOrConnect = false;
  this.parser = null;
  this.maxHeadersCount = null;
  this.reusedSocket = false;
  this.host = options.host;
  this.protocol = protocol;

  if (this.agent) {
    if (!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets)) {
      this._last = true;
      this.shouldKeepAlive = false;
    } else {
      this._last = false;
      this.shouldKeepAlive = true;
    }
  }

  const headersArray = Array.isArray(options.headers);
  if (!headersArray) {
    if (options.headers) {
      for (const key of Object.keys(options.headers)) this.setHeader(key, options.headers[key]);
    }
    if (this.host && !this.getHeader('host') && setHost) {
      let hostHeader = this.host;
      const posColon = hostHeader.indexOf(':');
      if (posColon !== -1 && hostHeader.includes(':', posColon + 1) && hostHeader.charCodeAt(0) !== 91) {
        hostHeader = `[${hostHeader}]`;
      }
      if (this.port && +this.port !== defaultPort) hostHeader += `:${this.port}`;
      this.setHeader('Host', hostHeader);
    }
    if (options.auth && !this.getHeader('Authorization')) {
      this.setHeader('Authorization', `Basic ${lazyBuffer().from(options.auth).toString('base64')}`);
    }
    if (this.getHeader('expect')) {
      // The head goes out now; the body waits for the server's 100 Continue.
      if (this._header) throw new codes.ERR_HTTP_HEADERS_SENT('render');
      this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this[kOutHeaders]);
    }
  } else {
    this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, options.headers);
  }

  const signal = options.signal;
  if (signal) {
    const onAbort = () => this.destroy(abortError(signal.reason));
    if (signal.aborted) onAbort();
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  // Called once: by createConnection's callback or with the socket it returned (a
  // createConnection that is net.connect takes the callback as a 'connect' listener).
  let created = false;
  const oncreate = (err, socket) => {
    if (created) return;
    created = true;
    if (err) {
      process.nextTick(() => this.emit('error', err));
      return;
    }
    this.onSocket(socket);
  };
  if (this.agent) {
    this.agent.addRequest(this, optsWithoutSignal);
  } else {
    this._last = true;
    this.shouldKeepAlive = false;
    let opts = optsWithoutSignal;
    // `path` is the request's; the connection's is the socket path, when there is one.
    if (this.socketPath) opts = { ...opts, path: this.socketPath };
    else if (opts.path) opts = { ...opts, path: undefined };
    if (typeof opts.createConnection === 'function') {
      const socket = opts.createConnection(opts, oncreate);
      if (socket) oncreate(null, socket);
    } else {
      this.onSocket(net.createConnection(opts));
    }
  }
}
Object.setPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ClientRequest, OutgoingMessage);

function abortError(reason) {
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  err.code = 'ABORT_ERR';
  if (reason !== undefined) err.cause = reason;
  return err;
}

function validateHost(host, name) {
  if (host !== null && host !== undefined && typeof host !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'undefined', 'null'], host);
  }
  return host;
}

const TIMEOUT_MAX = 2 ** 31 - 1;

// A timeout in milliseconds: a non-negative finite number, longer ones cut to what a timer
// holds (with a warning, as Node gives).
function getTimerDuration(msecs, name) {
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new codes.ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.\nTimer duration was truncated to ${TIMEOUT_MAX}.`,
      'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

const proto = ClientRequest.prototype;

proto._finish = function _finish() {
  OutgoingMessage.prototype._finish.call(this);
};

proto._implicitHeader = function _implicitHeader() {
  if (this._header) throw new codes.ERR_HTTP_HEADERS_SENT('render');
  this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this[kOutHeaders]);
};

proto.abort = function abort() {
  if (this.aborted) return;
  this.aborted = true;
  process.nextTick(() => this.emit('abort'));
  this.destroy();
};

proto.destroy = function destroy(err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.res) this.res._dump();
  this._errored = err;
  // Without a socket yet, the request ends when it is given one (a queued request stays in
  // its agent's queue until then).
  if (this.socket) this.socket.destroy(err ?? undefined);
  return this;
};

// A request destroyed before it had a socket: 'error' (a hang-up unless it was aborted or
// given an error), then 'close'.
function emitDestroyed(req) {
  if (req._closed) return;
  const err = req._errored ?? (req.aborted ? undefined : connResetException('socket hang up'));
  if (err && !req._hadError) {
    req._hadError = true;
    req.emit('error', err);
  }
  emitClose(req);
}

// A request's 'close': it is over, and destroyed.
function emitClose(req) {
  req._closed = true;
  req.destroyed = true;
  req.emit('close');
}

proto.setTimeout = function setTimeout(msecs, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  msecs = getTimerDuration(msecs, 'msecs');
  if (callback) this.once('timeout', callback);
  if (this.socket) setSocketTimeout(this, this.socket, msecs);
  else this.once('socket', (sock) => setSocketTimeout(this, sock, msecs));
  return this;
};

// The socket's timeout becomes the request's once it is connected; its first 'timeout' is
// the request's 'timeout'.
function setSocketTimeout(req, sock, msecs) {
  if (sock.connecting) {
    sock.once('connect', () => setSocketTimeout(req, sock, msecs));
    return;
  }
  if (req.timeoutCb) sock.removeListener('timeout', req.timeoutCb);
  req.timeoutCb = () => req.emit('timeout');
  sock.setTimeout(msecs);
  if (msecs !== 0) sock.once('timeout', req.timeoutCb);
}

// The request option `timeout`, set on the socket when it was made: its first 'timeout' is
// the request's.
function listenSocketTimeout(req, sock) {
  if (req.timeoutCb) return;
  req.timeoutCb = () => req.emit('timeout');
  sock.once('timeout', req.timeoutCb);
}

proto.setNoDelay = function setNoDelay(noDelay) {
  if (this.socket) this.socket.setNoDelay(noDelay);
  else this.once('socket', (s) => s.setNoDelay(noDelay));
};
proto.setSocketKeepAlive = function setSocketKeepAlive(enable, delay) {
  if (this.socket) this.socket.setKeepAlive(enable, delay);
  else this.once('socket', (s) => s.setKeepAlive(enable, delay));
};
proto.clearTimeout = function clearTimeout(cb) { this.setTimeout(0, cb); };

proto.onSocket = function onSocket(socket, err) {
  process.nextTick(() => {
    if (err) {
      this.emit('error', err);
      return;
    }
    if (this.destroyed) {
      if (this.agent && !socket.destroyed) {
        socket.emit('free');
        emitDestroyed(this);
        return;
      }
      // The socket goes too; an error it had (or has on the way) is the request's.
      let socketError;
      socket.on('error', (e) => { socketError ??= e; });
      const done = () => {
        if (socketError && !this._errored) this._errored = socketError;
        emitDestroyed(this);
      };
      socket.destroy(this._errored);
      if (socket.closed || socket._readableState?.closeEmitted) process.nextTick(done);
      else socket.once('close', done);
      return;
    }
    tickOnSocket(this, socket);
  });
};

// The request takes the socket: reads its response off it, sends what was written.
function tickOnSocket(req, socket) {
  const state = {
    req,
    socket,
    buffer: null,
    res: null,
    body: null,
    finished: false,
    lenient: req.insecureHTTPParser === undefined ? common.isLenient() : req.insecureHTTPParser,
  };
  req.socket = socket;
  socket._httpMessage = req;
  socket._httpClient = state;
  if (req.timeout !== undefined && req.timeout !== 0) {
    if (socket.timeout !== req.timeout) socket.setTimeout(req.timeout);
    listenSocketTimeout(req, socket);
  } else if (req.agent?.options?.timeout) {
    // The agent's timeout, set when it made the socket.
    listenSocketTimeout(req, socket);
  }
  const onData = (d) => clientData(state, d);
  state.onData = onData;
  const onEnd = () => clientEnd(state);
  state.onEnd = onEnd;
  const onError = (e) => clientError(state, e);
  const onClose = () => clientClose(state);
  const onDrain = () => {
    if (req.writableNeedDrain) {
      req[kNeedDrain] = false;
      req.emit('drain');
    }
  };
  socket.on('data', onData);
  socket.on('end', onEnd);
  socket.on('error', onError);
  socket.on('close', onClose);
  socket.on('drain', onDrain);
  state.detach = () => {
    socket.removeListener('data', onData);
    socket.removeListener('end', onEnd);
    socket.removeListener('error', onError);
    socket.removeListener('close', onClose);
    socket.removeListener('drain', onDrain);
    if (req.timeoutCb) socket.removeListener('timeout', req.timeoutCb);
    socket._httpClient = null;
  };
  req.emit('socket', socket);
  if (!req.destroyed) {
    if (socket.connecting) socket.once('connect', () => req._flush());
    else req._flush();
  }
  if (req.finished && req.outputData.length === 0) req._finish();
}

function clientData(state, chunk) {
  state.buffer = state.buffer === null ? chunk : lazyBuffer().concat([state.buffer, chunk]);
  parseResponse(state);
}

function parseResponse(state) {
  const { req, socket } = state;
  while (state.buffer !== null && !socket.destroyed) {
    if (state.body !== null) {
      const used = state.body.feed(state.buffer);
      if (used < 0) return;
      state.buffer = used >= state.buffer.length ? null : state.buffer.subarray(used);
      if (state.body !== null && !state.body.done) return;
      continue;
    }
    if (state.res !== null) {
      // Bytes after a complete response: an error unless they are empty lines or begin
      // another one (which this request does not read).
      const at = emptyLines(state.buffer);
      if (at < state.buffer.length && !startsLikeResponse(state.buffer.subarray(at))) {
        responseParseError(state, common.parserError('HPE_INVALID_CONSTANT', 'Expected HTTP/, RTSP/ or ICE/', 0,
          state.buffer));
      }
      state.buffer = null;
      return;
    }
    // Empty lines before a response are skipped, as llhttp skips them.
    const skip = emptyLines(state.buffer);
    if (skip > 0) {
      state.buffer = skip === state.buffer.length ? null : state.buffer.subarray(skip);
      continue;
    }
    if (!startsLikeResponse(state.buffer)) {
      responseParseError(state, common.parserError('HPE_INVALID_CONSTANT', 'Expected HTTP/, RTSP/ or ICE/', 0,
        state.buffer));
      return;
    }
    const head = parser.parseResponseHead(state.buffer, req.maxHeaderSize ?? common.getMaxHeaderSize(),
      state.lenient);
    if (head === undefined) return;
    if (typeof head[0] === 'string') {
      responseParseError(state, common.parserError(head[0], head[1], head[2] ?? 0, state.buffer));
      return;
    }
    const length = head[0];
    const packet = state.buffer;
    state.buffer = length >= state.buffer.length ? null : state.buffer.subarray(length);
    if (!onResponseHead(state, head, packet)) return;
  }
}

// Whether `buf` can be the start of a status line ("HTTP/", or as much of it as has come).
// How many CR and LF bytes `buf` starts with.
function emptyLines(buf) {
  let i = 0;
  while (i < buf.length && (buf[i] === 13 || buf[i] === 10)) i++;
  return i;
}

function startsLikeResponse(buf) {
  const n = Math.min(buf.length, 5);
  for (let i = 0; i < n; i++) if (buf[i] !== 'HTTP/'.charCodeAt(i)) return false;
  return true;
}

// A response that cannot be read: the request's 'error', and the connection is dropped.
function responseParseError(state, err) {
  const { req, socket } = state;
  state.buffer = null;
  socket.removeListener('data', state.onData);
  socket.removeListener('end', state.onEnd);
  req._hadError = true;
  req.emit('error', err);
  socket.destroy();
}

function onResponseHead(state, head, packet) {
  const { req, socket } = state;
  const status = head[1];
  const raw = head.length > 4 ? head.slice(4) : [];
  const res = new IncomingMessage(socket);
  res.rawHeaders = raw;
  res.statusCode = status;
  res.statusMessage = head[2];
  res.httpVersionMajor = 1;
  res.httpVersionMinor = head[3];
  res.httpVersion = head[3] === 1 ? '1.1' : '1.0';
  res.req = req;
  if (req.joinDuplicateHeaders) res.joinDuplicateHeaders = true;

  if (status >= 100 && status < 200 && status !== 101) {
    if (status === 100) req.emit('continue');
    req.emit('information', {
      statusCode: status,
      statusMessage: res.statusMessage,
      httpVersion: res.httpVersion,
      httpVersionMajor: 1,
      httpVersionMinor: head[3],
      headers: res.headers,
      rawHeaders: raw,
    });
    return true;
  }

  let contentLength = -1;
  let chunked = false;
  let connection;
  for (let i = 0; i < raw.length; i += 2) {
    const n = raw[i].length;
    if (n === 14 && raw[i].toLowerCase() === 'content-length') {
      const v = raw[i + 1].trim();
      if (!/^\d+$/.test(v) || (contentLength !== -1 && contentLength !== Number(v))) {
        responseParseError(state, common.parserError('HPE_UNEXPECTED_CONTENT_LENGTH', 'Unexpected content-length header',
          head[0], packet));
        return false;
      }
      contentLength = Number(v);
    }
    else if (n === 17 && raw[i].toLowerCase() === 'transfer-encoding') chunked = common.chunkExpression.test(raw[i + 1]);
    else if (n === 10 && raw[i].toLowerCase() === 'connection') connection = raw[i + 1];
  }

  if (chunked && contentLength !== -1 && !state.lenient) {
    responseParseError(state, common.parserError('HPE_INVALID_TRANSFER_ENCODING',
      'Transfer-Encoding can\'t be present with Content-Length', head[0], packet));
    return false;
  }

  const isUpgrade = status === 101 || (req.method === 'CONNECT' && status >= 200 && status < 300);
  if (isUpgrade) {
    const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    req.upgradeOrConnect = true;
    const rest = state.buffer ?? lazyBuffer().alloc(0);
    state.buffer = null;
    state.detach();
    // The socket is the program's now, no longer the agent's.
    socket.emit('agentRemove');
    socket._httpMessage = null;
    res.upgrade = true;
    res.complete = true;
    if (req.listenerCount(event) > 0) {
      req.res = res;
      req.emit(event, res, socket, rest);
      emitClose(req);
    } else {
      socket.destroy();
    }
    return false;
  }

  req.res = res;
  state.res = res;
  if (req.shouldKeepAlive && !common.shouldKeepAliveFor(1, head[3], connection)) {
    req.shouldKeepAlive = false;
  }
  if (req.shouldKeepAlive && contentLength === -1 && !chunked && req.method !== 'HEAD' &&
      status !== 204 && status !== 304) {
    req.shouldKeepAlive = false;
  }
  // Ours first, so the socket is given back (and the request destroyed) before the
  // program's 'end' listeners run.
  res.once('end', () => onResponseEnd(state));
  if (req.aborted || !req.emit('response', res)) res._dump();

  const noBody = req.method === 'HEAD' || status === 204 || status === 304;
  const handlers = {
    onData(chunk) {
      if (!res.push(chunk) && !res._dumped) socket.pause();
    },
    onEnd(trailers) {
      if (trailers.length) res.rawTrailers = trailers;
      state.body = null;
      res.complete = true;
      res.push(null);
      responseDone(state);
    },
    onError(err) {
      state.body = null;
      req.emit('error', err);
      socket.destroy();
    },
  };
  res._onRead = () => {
    if (socket.isPaused() && socket._httpClient === state) socket.resume();
  };
  if (noBody || contentLength === 0) {
    res.complete = true;
    res.push(null);
    responseDone(state);
  } else if (chunked) {
    state.body = new common.BodyReader('chunked', 0, handlers);
  } else if (contentLength > 0) {
    state.body = new common.BodyReader('length', contentLength, handlers);
  } else {
    req.shouldKeepAlive = false;
    state.body = new common.BodyReader('eof', 0, handlers);
  }
  return true;
}

// The response is read: the socket goes back to its agent, or is closed.
function responseDone(state) {
  const { socket } = state;
  if (socket.isPaused() && socket._httpClient === state) socket.resume();
}

function onResponseEnd(state) {
  const { req, socket, res } = state;
  // The response's 'close' follows when it destroys itself after 'end'.
  req._closed = true;
  process.nextTick(() => {
    req.destroyed = true;
    req.emit('close');
  });
  const release = () => {
    if (state.finished) return;
    state.finished = true;
    if (req.shouldKeepAlive && !socket.destroyed) {
      state.detach();
      // The request is over; the socket is the agent's again.
      req.destroyed = true;
      if (socket.isPaused()) socket.resume();
      // Free once the program's own 'end' listeners have run.
      process.nextTick(() => socket.emit('free'));
    } else {
      state.detach();
      socket.on('error', () => {});
      if (!socket.writable) socket.destroy();
      else if (typeof socket.destroySoon === 'function') socket.destroySoon();
      else socket.end(); // a Duplex from createConnection
    }
  };
  if (req.finished && req.writableFinished !== false) release();
  else req.once('finish', release);
}

function clientEnd(state) {
  const { req, socket } = state;
  if (state.body !== null) {
    state.body.eof();
    if (state.res !== null && !state.res.complete) {
      // The peer stopped mid-response: the connection is dropped (not failed), then the
      // response aborted.
      socket.destroy();
      state.res.destroy(connResetException('aborted'));
    }
  }
  if (state.res === null && !req._hadError) {
    req._hadError = true;
    req.emit('error', connResetException('socket hang up'));
  }
  if (socket.writable) socket.end();
}

function clientError(state, err) {
  const { req } = state;
  // The request has the socket's error, even with its response under way (as in Node).
  if (state.res !== null && !state.res.complete) state.res.destroy(err);
  if (!req._hadError && (state.res === null || !state.res.complete)) {
    req._hadError = true;
    req.emit('error', err);
  }
}

function clientClose(state) {
  const { req } = state;
  const res = state.res;
  if (res !== null) {
    if (!res.complete) {
      res.destroy(connResetException('aborted'));
    }
    if (!res.complete || !req._closed) emitClose(req);
  } else {
    if (!req._hadError && !req.upgradeOrConnect) {
      req._hadError = true;
      req.emit('error', connResetException('socket hang up'));
    }
    emitClose(req);
  }
}

module.exports = { ClientRequest, urlToHttpOptions };
