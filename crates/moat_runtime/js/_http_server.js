'use strict';
// http.Server and http.ServerResponse. Each connection reads request heads (parsed in Rust)
// and bodies off its socket; responses go out in request order (a pipelined request's
// response waits, buffered, for the one before it), and the connection stays open for the
// next request unless either side asked to close it.

const net = require('net');
const EventEmitter = require('events');
const { codes } = require('internal/errors');
const { validateInteger, validateBoolean, validateObject, validateFunction } = require('internal/validators');
const common = require('_http_common');
const { IncomingMessage } = require('_http_incoming');
const { OutgoingMessage, kOutHeaders, kRejectNonStandardBodyWrites, validateHeaderName, validateHeaderValue } =
  require('_http_outgoing');

const parser = internalBinding('http_parser');
let BufferClass;
const lazyBuffer = () => (BufferClass ??= require('buffer').Buffer);

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
  205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed',
  418: 'I\'m a Teapot', 421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked',
  424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended',
  511: 'Network Authentication Required',
};

const kServerResponse = Symbol('ServerResponse');
const kConnection = Symbol('httpConnection');

// ---- ServerResponse ------------------------------------------------------------------------

const kConnectionsCheckingInterval = Symbol('http.server.connectionsCheckingInterval');

function ServerResponse(req, options) {
  OutgoingMessage.call(this, options);
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  this.sendDate = true;
  this._sent100 = false;
  this._expect_continue = false;
  this.statusCode = 200;
  this.statusMessage = undefined;
  if (req.httpVersionMajor < 1 || (req.httpVersionMajor === 1 && req.httpVersionMinor < 1)) {
    this.useChunkedEncodingByDefault = common.chunkExpression.test(req.headers.te ?? '');
    this.shouldKeepAlive = false;
  }
  if (options?.rejectNonStandardBodyWrites) this[kRejectNonStandardBodyWrites] = true;
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

ServerResponse.prototype._finish = function _finish() {
  OutgoingMessage.prototype._finish.call(this);
};

ServerResponse.prototype.assignSocket = function assignSocket(socket) {
  if (socket._httpMessage) throw new codes.ERR_HTTP_SOCKET_ASSIGNED();
  socket._httpMessage = this;
  this.socket = socket;
  this.emit('socket', socket);
  this._flush();
};

ServerResponse.prototype.detachSocket = function detachSocket(socket) {
  socket._httpMessage = null;
  this.socket = null;
};

ServerResponse.prototype.writeContinue = function writeContinue(cb) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
  this._sent100 = true;
};

ServerResponse.prototype.writeProcessing = function writeProcessing(cb) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
};

// One Link value: `<URI>` then `; name` or `; name=value` parameters (RFC 8288).
const linkRegExp = /^<[^<>\s]*>(?:\s*;\s*[^;"\s=]+(?:=(?:"[^"]*"|[^;"\s]*))?)*$/;

ServerResponse.prototype.writeEarlyHints = function writeEarlyHints(hints, cb) {
  validateObject(hints, 'hints');
  if (hints.link === null || hints.link === undefined) return;
  let head = 'HTTP/1.1 103 Early Hints\r\n';
  const links = Array.isArray(hints.link) ? hints.link : [hints.link];
  if (links.length === 0) return;
  for (const l of links) {
    // A value may hold several links, comma-separated.
    if (typeof l !== 'string' || !l.split(/,\s*(?=<)/).every((one) => linkRegExp.test(one))) {
      throw new codes.ERR_INVALID_ARG_VALUE('hints.link', hints.link);
    }
  }
  head += `Link: ${links.join(', ')}\r\n`;
  for (const key of Object.keys(hints)) {
    if (key !== 'link') {
      validateHeaderName(key);
      validateHeaderValue(key, hints[key]);
      head += `${key}: ${hints[key]}\r\n`;
    }
  }
  this._writeRaw(`${head}\r\n`, 'ascii', cb);
};

ServerResponse.prototype._implicitHeader = function _implicitHeader() {
  this.writeHead(this.statusCode);
};

ServerResponse.prototype.writeHead = function writeHead(statusCode, reason, obj) {
  if (this._header) throw new codes.ERR_HTTP_HEADERS_SENT('write');
  const originalStatusCode = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) throw new codes.ERR_HTTP_INVALID_STATUS_CODE(originalStatusCode);
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    this.statusMessage ||= STATUS_CODES[statusCode] || 'unknown';
    obj ??= reason;
  }
  this.statusCode = statusCode;
  let headers;
  if (this[kOutHeaders]) {
    if (obj !== undefined && obj !== null) {
      if (Array.isArray(obj)) {
        if (obj.length && Array.isArray(obj[0])) for (const [k, v] of obj) this.appendHeader(k, v);
        else {
          if (obj.length % 2 !== 0) throw new codes.ERR_INVALID_ARG_VALUE('headers', obj);
          // These replace fields set before, but may repeat among themselves.
          for (let i = 0; i < obj.length; i += 2) this.removeHeader(obj[i]);
          for (let i = 0; i < obj.length; i += 2) if (obj[i]) this.appendHeader(obj[i], obj[i + 1]);
        }
      } else {
        for (const k of Object.keys(obj)) if (k) this.setHeader(k, obj[k]);
      }
    }
    headers = this[kOutHeaders];
  } else {
    headers = obj;
  }
  if (this.statusMessage !== STATUS_CODES[statusCode] && /[\r\n]/.test(this.statusMessage)) {
    throw new codes.ERR_INVALID_CHAR('statusMessage');
  }
  const statusLine = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) {
    this._hasBody = false;
  }
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
  this._storeHeader(statusLine, headers);
  return this;
};
ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;

// ---- Server --------------------------------------------------------------------------------

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  storeHTTPOptions(this, options);
  net.Server.call(this, {
    allowHalfOpen: true,
    noDelay: options.noDelay ?? true,
    keepAlive: options.keepAlive,
    highWaterMark: options.highWaterMark,
  });
  if (requestListener) this.on('request', requestListener);
  this.httpAllowHalfOpen = false;
  this.on('connection', connectionListener);
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this._connectionSet = new Set();
  this.on('listening', setupConnectionsTracking);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

function storeHTTPOptions(server, options) {
  server[kIncomingMessage] = options.IncomingMessage || IncomingMessage;
  server[kServerResponse] = options.ServerResponse || ServerResponse;
  if (options.maxHeaderSize !== undefined) validateInteger(options.maxHeaderSize, 'maxHeaderSize', 0);
  server.maxHeaderSize = options.maxHeaderSize;
  if (options.insecureHTTPParser !== undefined) validateBoolean(options.insecureHTTPParser, 'options.insecureHTTPParser');
  server.insecureHTTPParser = options.insecureHTTPParser;
  if (options.requestTimeout !== undefined) validateInteger(options.requestTimeout, 'requestTimeout', 0);
  server.requestTimeout = options.requestTimeout ?? 300000;
  if (options.headersTimeout !== undefined) validateInteger(options.headersTimeout, 'headersTimeout', 0);
  server.headersTimeout = options.headersTimeout ?? Math.min(60000, server.requestTimeout || 60000);
  if (server.requestTimeout > 0 && server.headersTimeout > 0 && server.headersTimeout > server.requestTimeout) {
    throw new codes.ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', server.headersTimeout);
  }
  if (options.keepAliveTimeout !== undefined) validateInteger(options.keepAliveTimeout, 'keepAliveTimeout', 0);
  server.keepAliveTimeout = options.keepAliveTimeout ?? 5000;
  // Added to keepAliveTimeout for the socket's own timeout, so that the server closes a
  // connection a little after the time the Keep-Alive field announced.
  if (options.keepAliveTimeoutBuffer !== undefined) {
    validateInteger(options.keepAliveTimeoutBuffer, 'keepAliveTimeoutBuffer', 0);
  }
  server.keepAliveTimeoutBuffer = options.keepAliveTimeoutBuffer ?? 1000;
  if (options.connectionsCheckingInterval !== undefined) {
    validateInteger(options.connectionsCheckingInterval, 'connectionsCheckingInterval', 0);
  }
  server.connectionsCheckingInterval = options.connectionsCheckingInterval ?? 30000;
  if (options.joinDuplicateHeaders !== undefined) validateBoolean(options.joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  server.joinDuplicateHeaders = options.joinDuplicateHeaders;
  server.requireHostHeader = options.requireHostHeader !== false;
  server.rejectNonStandardBodyWrites = options.rejectNonStandardBodyWrites === true;
  server.uniqueHeaders = options.uniqueHeaders;
  if (options.shouldUpgradeCallback !== undefined) {
    validateFunction(options.shouldUpgradeCallback, 'options.shouldUpgradeCallback');
  }
  server.shouldUpgradeCallback = options.shouldUpgradeCallback ?? defaultShouldUpgrade;
}

function defaultShouldUpgrade() {
  return this.listenerCount('upgrade') > 0;
}
const kIncomingMessage = common.kIncomingMessage;

// Checks the connections' header and request timeouts now and then, as Node does.
function setupConnectionsTracking() {
  if (this[kConnectionsCheckingInterval]) clearInterval(this[kConnectionsCheckingInterval]);
  if (this.connectionsCheckingInterval > 0 && (this.headersTimeout > 0 || this.requestTimeout > 0)) {
    this[kConnectionsCheckingInterval] =
      setInterval(checkConnections.bind(this), this.connectionsCheckingInterval).unref();
  }
}

function checkConnections() {
  const now = Date.now();
  for (const conn of this._connectionSet) {
    if (conn.requestStart === 0) continue;
    const headersLate = this.headersTimeout > 0 && !conn.headersDone && now - conn.requestStart > this.headersTimeout;
    const requestLate = this.requestTimeout > 0 && now - conn.requestStart > this.requestTimeout;
    if (headersLate || requestLate) {
      const err = new codes.ERR_HTTP_REQUEST_TIMEOUT();
      conn.requestStart = 0;
      onClientError(conn, err);
    }
  }
}

Server.prototype.close = function close(cb) {
  if (this[kConnectionsCheckingInterval]) {
    // The stopped timer stays, as in Node (its _destroyed tells it has ended).
    clearInterval(this[kConnectionsCheckingInterval]);
  }
  this.closeIdleConnections();
  return net.Server.prototype.close.call(this, cb);
};

Server.prototype[Symbol.asyncDispose] = function () {
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

Server.prototype.closeAllConnections = function closeAllConnections() {
  for (const conn of [...this._connectionSet]) conn.socket.destroy();
};

// Idle: kept alive between requests. A connection that has not sent its first request yet is
// not idle, as in Node.
Server.prototype.closeIdleConnections = function closeIdleConnections() {
  for (const conn of [...this._connectionSet]) {
    if (conn.requests > 0 && conn.incoming === null && conn.responses.length === 0) conn.socket.destroy();
  }
};

Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

// ---- a connection --------------------------------------------------------------------------

function connectionListener(socket) {
  const server = this;
  const conn = {
    server,
    socket,
    buffer: null, // bytes not parsed yet
    incoming: null, // the request whose body is being read
    body: null, // its BodyReader
    responses: [], // responses in request order; the first owns the socket
    requests: 0,
    paused: false,
    closing: false, // no more requests are read (a response said close)
    requestStart: 0,
    headersDone: false,
    idle: false, // between requests, waiting out keepAliveTimeout
    keepAliveSet: false, // the socket's timeout is the keep-alive one
    lenient: server.insecureHTTPParser === undefined ? common.isLenient() : server.insecureHTTPParser,
    parseError: null, // the error that stopped the parser, if one did
  };
  socket[kConnection] = conn;
  // HTTP is bytes: the connection's encoding stays unset (RFC 7230, section 3).
  socket.setEncoding = socketSetEncoding;
  server._connectionSet.add(conn);
  // The headers timeout counts from the connection.
  conn.requestStart = Date.now();
  if (server.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(server.timeout);
  conn.listeners = {
    timeout: () => onSocketTimeout(conn),
    data: (d) => onData(conn, d),
    end: () => onEnd(conn),
    error: (err) => onSocketError(conn, err),
    close: () => onClose(conn),
    drain: () => {
      const msg = socket._httpMessage;
      if (msg && msg.writableNeedDrain) {
        msg[require('_http_outgoing').kNeedDrain] = false;
        msg.emit('drain');
      }
    },
  };
  for (const event of Object.keys(conn.listeners)) socket.on(event, conn.listeners[event]);
  // A plain net.Socket that nobody else reads hands its reads straight to the parser.
  if (Object.getPrototypeOf(socket) === net.Socket.prototype && socket._consumer === null) {
    socket._consumer = conn.listeners.data;
  }
  socket._paused = false;
}

function socketSetEncoding() {
  throw new codes.ERR_HTTP_SOCKET_ENCODING();
}

function onSocketTimeout(conn) {
  const { server, socket } = conn;
  if (conn.idle) {
    // The keep-alive wait is over.
    socket.destroy();
    return;
  }
  const req = conn.incoming;
  const reqTimeout = req && !req.complete && req.emit('timeout', socket);
  const res = socket._httpMessage;
  const resTimeout = res && res.emit('timeout', socket);
  const serverTimeout = server.emit('timeout', socket);
  if (!reqTimeout && !resTimeout && !serverTimeout) socket.destroy();
}

function onSocketError(conn, err) {
  if (conn.server.listenerCount('clientError') > 0 || !conn.socket.destroyed) {
    onClientError(conn, err);
  }
}

function onClientError(conn, err) {
  const { server, socket } = conn;
  if (typeof err.code === 'string' && err.code.startsWith('HPE_')) {
    // The parser stays failed, as llhttp does: what comes next is reported with the same
    // error, and the end of the connection with none.
    conn.parseError = err;
    conn.buffer = null;
  }
  if (server.listenerCount('clientError') > 0) {
    server.emit('clientError', err, socket);
    return;
  }
  if (socket.writable && !conn.socket._httpMessage?._headerSent) {
    let status = 400;
    let text = 'Bad Request';
    if (err.code === 'HPE_HEADER_OVERFLOW') { status = 431; text = 'Request Header Fields Too Large'; }
    else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') { status = 408; text = 'Request Timeout'; }
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') {
      socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n\r\n`);
    }
  }
  socket.destroy(err.code === 'ECONNRESET' ? undefined : undefined);
}

function onEnd(conn) {
  // The client ended in the middle of a request head: node's parser reports it.
  if (conn.body === null && !conn.closing && conn.parseError === null && conn.buffer !== null &&
      conn.buffer.some((b) => b !== 13 && b !== 10)) {
    conn.buffer = null;
    const err = common.parserError('HPE_INVALID_EOF_STATE', 'Invalid EOF state', 0);
    err.message = 'Parse Error';
    onClientError(conn, err);
    return;
  }
  if (conn.body !== null) {
    conn.body.eof();
    if (conn.incoming !== null && !conn.incoming.complete) {
      conn.incoming.destroy();
      return;
    }
  }
  conn.closing = true;
  // The client is done sending. Unless the server allows half-open connections, its side ends
  // too, even with responses still owed (they can no longer be delivered in order), as in Node.
  if (conn.responses.length === 0 || !conn.server.httpAllowHalfOpen) {
    if (conn.socket.writable) conn.socket.end();
  }
}

function onClose(conn) {
  conn.server._connectionSet.delete(conn);
  const req = conn.incoming;
  if (req !== null && !req.complete) {
    req.destroy(connResetError('aborted'));
  }
  for (const res of conn.responses) {
    res.destroyed = true;
    res._closed = true;
    const r = res.req;
    if (r && !r.destroyed && !r.complete) r.destroy();
    res.emit('close');
  }
  conn.responses.length = 0;
}

// A connection may be any Duplex stream (one handed to 'connection' by the program), without
// a net.Socket's timeout or destroySoon().
function setSocketTimeout(socket, msecs) {
  if (typeof socket.setTimeout === 'function') socket.setTimeout(msecs);
}

function endSocket(socket) {
  if (typeof socket.destroySoon === 'function') socket.destroySoon();
  else socket.end();
}

function connResetError(msg) {
  const err = new Error(msg);
  err.code = 'ECONNRESET';
  return err;
}

function onData(conn, chunk) {
  if (conn.parseError !== null) {
    const { code, reason, message } = conn.parseError;
    const err = common.parserError(code, reason, 0, chunk);
    err.message = message;
    onClientError(conn, err);
    return;
  }
  if (conn.buffer === null) conn.buffer = chunk;
  else conn.buffer = lazyBuffer().concat([conn.buffer, chunk]);
  parseMore(conn);
}

function parseMore(conn) {
  const { server, socket } = conn;
  while (conn.buffer !== null && !socket.destroyed && !conn.paused) {
    if (conn.body !== null) {
      const used = conn.body.feed(conn.buffer);
      if (used < 0) return;
      conn.buffer = used >= conn.buffer.length ? null : conn.buffer.subarray(used);
      if (conn.body !== null && !conn.body.done) return;
      continue;
    }
    if (conn.closing) {
      conn.buffer = null;
      return;
    }
    if (conn.requestStart === 0) {
      conn.requestStart = Date.now();
      conn.headersDone = false;
    }
    const head = parser.parseRequest(conn.buffer, server.maxHeaderSize ?? common.getMaxHeaderSize(), conn.lenient);
    if (head === undefined) return;
    if (typeof head[0] === 'string') {
      const err = common.parserError(head[0], head[1], head[2] ?? 0, conn.buffer);
      conn.buffer = null;
      onClientError(conn, err);
      return;
    }
    conn.headersDone = true;
    const length = head[0];
    conn.buffer = length >= conn.buffer.length ? null : conn.buffer.subarray(length);
    if (!onRequestHead(conn, head)) return;
  }
}

// Scans the raw fields for what the connection itself needs to know.
function onRequestHead(conn, head) {
  const { server, socket } = conn;
  const req = new server[kIncomingMessage](socket);
  const raw = head.length > 4 ? head.slice(4) : [];
  req.rawHeaders = raw;
  req.method = head[1];
  req.url = head[2];
  req.httpVersionMajor = 1;
  req.httpVersionMinor = head[3];
  req.httpVersion = head[3] === 1 ? '1.1' : '1.0';
  if (server.joinDuplicateHeaders) req.joinDuplicateHeaders = true;
  let contentLength = -1;
  let chunked = false;
  let connection;
  let upgrade = false;
  let expect;
  let hasHost = false;
  let badTransferEncoding = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    switch (name.length) {
      case 4:
        if (name.toLowerCase() === 'host') hasHost = true;
        break;
      case 6:
        if (name.toLowerCase() === 'expect') expect = raw[i + 1];
        break;
      case 7:
        if (name.toLowerCase() === 'upgrade') upgrade = true;
        break;
      case 10:
        if (name.toLowerCase() === 'connection') connection = connection === undefined ? raw[i + 1] : `${connection}, ${raw[i + 1]}`;
        break;
      case 14:
        if (name.toLowerCase() === 'content-length') {
          const v = raw[i + 1].trim();
          if (!/^\d+$/.test(v) || (contentLength !== -1 && contentLength !== Number(v))) {
            onClientError(conn, common.parserError('HPE_UNEXPECTED_CONTENT_LENGTH', 'Unexpected content-length header', 0));
            return false;
          }
          contentLength = Number(v);
        }
        break;
      case 17:
        if (name.toLowerCase() === 'transfer-encoding') {
          if (chunked) {
            // A coding after chunked: refused before the request is seen.
            onClientError(conn, common.parserError('HPE_INVALID_TRANSFER_ENCODING',
              'Invalid `Transfer-Encoding` header value', 0));
            return false;
          }
          chunked = /(?:^|,)\s*chunked\s*$/i.test(raw[i + 1]);
          // Refused where its body would begin: after the request is seen.
          badTransferEncoding = !chunked;
        }
        break;
    }
  }
  if (chunked && contentLength !== -1) {
    onClientError(conn, common.parserError('HPE_INVALID_TRANSFER_ENCODING',
      'Transfer-Encoding can\'t be present with Content-Length', 0));
    return false;
  }
  const keepAlive = common.shouldKeepAliveFor(1, head[3], connection);
  const isUpgrade = (upgrade && connection !== undefined && /(?:^|\W)upgrade(?:$|\W)/i.test(connection)) ||
    req.method === 'CONNECT';
  req.upgrade = isUpgrade;
  conn.requests++;
  conn.idle = false;
  if (conn.keepAliveSet) {
    // Back to the server's own timeout while the request is served.
    conn.keepAliveSet = false;
    setSocketTimeout(socket, server.timeout || 0);
  }

  if (isUpgrade) {
    const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    // Whether an upgrade is taken is shouldUpgradeCallback's call (by default: whether
    // anyone listens for 'upgrade'); one taken with no listener drops the connection.
    const take = event === 'connect' ? server.listenerCount(event) > 0 : server.shouldUpgradeCallback(req);
    if (take && event === 'upgrade' && server.listenerCount(event) === 0) {
      socket.destroy();
      return false;
    }
    if (take) {
      // The socket is the program's from here on.
      const rest = conn.buffer ?? lazyBuffer().alloc(0);
      conn.buffer = null;
      conn.closing = true;
      detachConnection(conn);
      req.complete = true;
      req.push(null);
      server.emit(event, req, socket, rest);
      return false;
    }
    if (event === 'connect') {
      socket.destroy();
      return false;
    }
  }

  // An upgrade taken by an 'upgrade' listener is the program's to judge; other HTTP/1.1
  // requests need a Host field.
  if (server.requireHostHeader && !hasHost && req.httpVersionMinor === 1) {
    const res = new server[kServerResponse](req);
    res.shouldKeepAlive = false;
    socket.write('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    endSocket(socket);
    return false;
  }

  // The body, if any.
  if (chunked || contentLength > 0) {
    const reader = new common.BodyReader(chunked ? 'chunked' : 'length', contentLength, {
      onData(chunk) {
        if (!req.push(chunk) && !req._dumped) {
          conn.paused = true;
          socket.pause();
        }
      },
      onEnd(trailers) {
        if (trailers.length) req.rawTrailers = trailers;
        conn.requestStart = 0; // the request timeout is met
        conn.body = null;
        conn.incoming = null;
        req.complete = true;
        req.push(null);
        if (conn.paused) {
          // The next request is read whether or not this body was.
          conn.paused = false;
          socket.resume();
        }
      },
      onError(err) {
        conn.body = null;
        onClientError(conn, err);
      },
    });
    conn.body = reader;
    conn.incoming = req;
    req._onRead = () => {
      if (conn.paused) {
        conn.paused = false;
        socket.resume();
        parseMore(conn);
      }
    };
  } else if (!badTransferEncoding) {
    conn.requestStart = 0; // the request timeout is met
    req.complete = true;
    req.push(null);
  }

  const res = new server[kServerResponse](req, {
    highWaterMark: socket.writableHighWaterMark,
    rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites,
  });
  res._keepAliveTimeout = server.keepAliveTimeout;
  res._maxRequestsPerSocket = server.maxRequestsPerSocket;
  res.shouldKeepAlive = keepAlive && res.shouldKeepAlive;
  if (server.maxRequestsPerSocket > 0 && conn.requests >= server.maxRequestsPerSocket) {
    res.maxRequestsOnConnectionReached = true;
  }
  if (!keepAlive) conn.closing = true;
  conn.responses.push(res);
  if (conn.responses.length === 1) res.assignSocket(socket);
  res.on('finish', () => onResponseFinish(conn, req, res));

  if (server.maxRequestsPerSocket > 0 && conn.requests > server.maxRequestsPerSocket) {
    // Past the connection's allowance: refused without the program seeing it.
    server.emit('dropRequest', req, socket);
    res.writeHead(503);
    res.end();
    return true;
  }

  if (expect !== undefined) {
    if (common.continueExpression.test(expect)) {
      res._expect_continue = true;
      if (server.listenerCount('checkContinue') > 0) {
        server.emit('checkContinue', req, res);
        return true;
      }
      res.writeContinue();
    } else if (server.listenerCount('checkExpectation') > 0) {
      server.emit('checkExpectation', req, res);
      return true;
    } else {
      res.writeHead(417);
      res.end();
      return true;
    }
  }
  if (isUpgrade && req.method !== 'CONNECT' && !server.listenerCount('upgrade')) {
    // Served as an ordinary request.
  }
  server.emit('request', req, res);
  if (badTransferEncoding) {
    onClientError(conn, common.parserError('HPE_INVALID_TRANSFER_ENCODING', 'Request has invalid `Transfer-Encoding`', 0));
    return false;
  }
  return true;
}

function detachConnection(conn) {
  const socket = conn.socket;
  for (const event of Object.keys(conn.listeners)) socket.removeListener(event, conn.listeners[event]);
  if (socket._consumer === conn.listeners.data) socket._consumer = null;
  setSocketTimeout(socket, 0);
  if (socket.setEncoding === socketSetEncoding) delete socket.setEncoding;
  conn.server._connectionSet.delete(conn);
}

// Ends and destroys a complete request without a body that has no listener at all, as the
// stream would after 'end' and 'close'; false (nothing done) for any other request.
function endUnheard(req) {
  const state = req._readableState;
  if (!req.complete || req._eventsCount !== 0 || !state.ended || state.length !== 0 || state.endEmitted ||
      state.destroyed || state.errored !== null || !state.autoDestroy) return false;
  req._dumped = true;
  state.endEmitted = true;
  state.destroyed = true;
  state.closed = true;
  state.closeEmitted = true;
  return true;
}

function onResponseFinish(conn, req, res) {
  const { socket } = conn;
  // A request body nobody read is read and thrown away. An empty one that nothing listens to is
  // over at once: its 'end' and 'close' would reach no one.
  if (!req._consuming && !req._readableState.resumeScheduled && !endUnheard(req)) req._dump();
  res.detachSocket(socket);
  const i = conn.responses.indexOf(res);
  if (i >= 0) conn.responses.splice(i, 1);
  // The request's 'close' follows when it destroys itself after 'end'.
  process.nextTick(() => {
    res._closed = true;
    res.destroyed = true;
    res.emit('close');
  });
  if (res._last) {
    conn.closing = true;
    endSocket(socket);
    return;
  }
  if (conn.responses.length > 0) {
    conn.responses[0].assignSocket(socket);
    return;
  }
  if (conn.closing) {
    if (socket.writable) socket.end();
    return;
  }
  const { keepAliveTimeout, keepAliveTimeoutBuffer } = conn.server;
  if (keepAliveTimeout > 0) {
    conn.idle = true;
    conn.keepAliveSet = true;
    const extra = Number.isSafeInteger(keepAliveTimeoutBuffer) && keepAliveTimeoutBuffer > 0 ? keepAliveTimeoutBuffer : 0;
    setSocketTimeout(socket, keepAliveTimeout + extra);
  }
}

module.exports = {
  kConnectionsCheckingInterval,
  STATUS_CODES,
  Server,
  ServerResponse,
  setupConnectionsTracking,
  storeHTTPOptions,
  _connectionListener: connectionListener,
  kServerResponse,
};
