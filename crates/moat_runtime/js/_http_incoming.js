'use strict';
// http.IncomingMessage: a request on the server or a response on the client, whose body is a
// Readable. Header fields are kept as received (`rawHeaders`); `headers` and `headersDistinct`
// are built from them on first use, by Node's rules for repeated fields.

const { Readable } = require('stream');

// Repeated fields whose later copies are dropped.
const kFirstWins = new Set([
  'content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization',
  'proxy-authorization', 'if-modified-since', 'if-unmodified-since', 'from', 'location',
  'max-forwards', 'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires',
]);

function addHeaderLine(dest, field, value, joinDuplicates) {
  if (!Object.prototype.hasOwnProperty.call(dest, field)) {
    dest[field] = field === 'set-cookie' ? [value] : value;
    return;
  }
  if (field === 'set-cookie') dest[field].push(value);
  else if (field === 'cookie') dest[field] += `; ${value}`;
  else if (joinDuplicates) dest[field] += `, ${value}`;
  else if (!kFirstWins.has(field)) dest[field] += `, ${value}`;
}

function buildHeaders(raw, joinDuplicates) {
  const out = {};
  for (let i = 0; i + 1 < raw.length; i += 2) addHeaderLine(out, raw[i].toLowerCase(), raw[i + 1], joinDuplicates);
  return out;
}

function buildDistinct(raw) {
  const out = { __proto__: null };
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const k = raw[i].toLowerCase();
    if (out[k] === undefined) out[k] = [raw[i + 1]];
    else out[k].push(raw[i + 1]);
  }
  return out;
}

function IncomingMessage(socket) {
  if (!(this instanceof IncomingMessage)) return new IncomingMessage(socket);
  let streamOptions;
  if (socket) streamOptions = { highWaterMark: socket.readableHighWaterMark };
  Readable.call(this, streamOptions);
  this._readableState.readingMore = true;
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this.rawHeaders = [];
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  this._dumped = false;
  this._headers = null;
  this._headersDistinct = null;
  this._trailers = null;
  this._trailersDistinct = null;
  this._onRead = null;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

Object.defineProperties(IncomingMessage.prototype, {
  connection: {
    configurable: true, enumerable: true,
    get() { return this.socket; },
    set(v) { this.socket = v; },
  },
  headers: {
    configurable: true, enumerable: true,
    get() {
      if (this._headers === null) this._headers = buildHeaders(this.rawHeaders, this.joinDuplicateHeaders);
      return this._headers;
    },
    set(v) { this._headers = v; },
  },
  headersDistinct: {
    configurable: true, enumerable: true,
    get() {
      if (this._headersDistinct === null) this._headersDistinct = buildDistinct(this.rawHeaders);
      return this._headersDistinct;
    },
    set(v) { this._headersDistinct = v; },
  },
  trailers: {
    configurable: true, enumerable: true,
    get() {
      if (this._trailers === null) this._trailers = buildHeaders(this.rawTrailers, this.joinDuplicateHeaders);
      return this._trailers;
    },
    set(v) { this._trailers = v; },
  },
  trailersDistinct: {
    configurable: true, enumerable: true,
    get() {
      if (this._trailersDistinct === null) this._trailersDistinct = buildDistinct(this.rawTrailers);
      return this._trailersDistinct;
    },
    set(v) { this._trailersDistinct = v; },
  },
});

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (this.socket) this.socket.setTimeout(msecs);
  return this;
};

// Read by the program (flowing or not): a body it takes is not thrown away for it.
IncomingMessage.prototype.read = function read(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  return Readable.prototype.read.call(this, n);
};

IncomingMessage.prototype._read = function _read(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  if (this._onRead !== null) this._onRead();
};

IncomingMessage.prototype._destroy = function _destroy(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  if (this.socket && !this.socket.destroyed && this.aborted) {
    this.socket.destroy(err);
  }
  // An error nobody listens for on the message is not thrown, as in Node.
  process.nextTick(() => cb(this.listenerCount('error') === 0 ? undefined : err));
};

IncomingMessage.prototype._addHeaderLines = function _addHeaderLines(headers, n) {
  const dest = this.complete ? this.trailers : this.headers;
  for (let i = 0; i + 1 < n; i += 2) addHeaderLine(dest, headers[i].toLowerCase(), headers[i + 1], this.joinDuplicateHeaders);
};

IncomingMessage.prototype._addHeaderLine = function _addHeaderLine(field, value, dest) {
  addHeaderLine(dest, field.toLowerCase(), value, this.joinDuplicateHeaders);
};

// Reads and throws away the rest of the body.
IncomingMessage.prototype._dump = function _dump() {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};

module.exports = { IncomingMessage, readStart() {}, readStop() {} };
