'use strict';
// node:https — node:http over node:tls: a server whose connections are TLS sockets, and an
// agent whose sockets come from tls.connect.

const tls = require('tls');
const { validateObject } = require('internal/validators');
const HttpAgent = require('_http_agent').Agent;
const { ClientRequest } = require('_http_client');
const httpServer = require('_http_server');

// ---- Server ---------------------------------------------------------------------------------

function Server(opts, requestListener) {
  if (!(this instanceof Server)) return new Server(opts, requestListener);
  if (typeof opts === 'function') {
    requestListener = opts;
    opts = {};
  } else if (opts === undefined || opts === null) {
    opts = {};
  } else {
    validateObject(opts, 'options');
  }
  opts = { ...opts };
  if (!opts.ALPNProtocols && !opts.ALPNCallback) opts.ALPNProtocols = ['http/1.1'];
  httpServer.storeHTTPOptions(this, opts);
  tls.Server.call(this, {
    noDelay: true,
    ...opts,
    allowHalfOpen: true,
  }, httpServer._connectionListener);
  this.httpAllowHalfOpen = false;
  if (requestListener) this.on('request', requestListener);
  this.on('tlsClientError', (err, socket) => {
    if (!this.emit('clientError', err, socket)) socket.destroy(err);
  });
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this._connectionSet = new Set();
  this.on('listening', httpServer.setupConnectionsTracking);
}
Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
Object.setPrototypeOf(Server, tls.Server);

for (const name of ['close', 'closeAllConnections', 'closeIdleConnections', 'setTimeout']) {
  Server.prototype[name] = httpServer.Server.prototype[name];
}
Server.prototype[Symbol.asyncDispose] = httpServer.Server.prototype[Symbol.asyncDispose];

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

// ---- Agent ----------------------------------------------------------------------------------

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  HttpAgent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions ?? 100;
}
Object.setPrototypeOf(Agent.prototype, HttpAgent.prototype);
Object.setPrototypeOf(Agent, HttpAgent);

// The agent passes its sockets' key log lines on to its own 'keylog' listeners.
Agent.prototype.createConnection = function createConnection(port, host, options) {
  const socket = connectTLS(port, host, options);
  if (this.listenerCount('keylog') > 0) socket.on('keylog', (line) => this.emit('keylog', line, socket));
  return socket;
};

function connectTLS(port, host, options) {
  if (port !== null && typeof port === 'object') {
    options = port;
  } else if (host !== null && typeof host === 'object') {
    options = { ...host };
  } else if (options === null || typeof options !== 'object') {
    options = {};
  } else {
    options = { ...options };
  }
  if (typeof port === 'number') options.port = port;
  if (typeof host === 'string') options.host = host;
  return tls.connect(options);
}

// The pool a request's socket comes from: http's name plus every TLS option that changes the
// connection.
Agent.prototype.getName = function getName(options = {}) {
  let name = HttpAgent.prototype.getName.call(this, options);
  name += ':';
  for (const key of ['ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx', 'rejectUnauthorized',
    'servername', 'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder', 'ecdhCurve',
    'dhparam', 'secureOptions', 'sessionIdContext', 'sigalgs', 'privateKeyIdentifier', 'privateKeyEngine']) {
    if (key !== 'ca') name += ':';
    let v = options[key];
    // The server name counts only where it differs from the host.
    if (key === 'servername' && v === options.host) v = undefined;
    // sigalgs are JSON, so that a list and a string of the same names differ.
    if (v !== undefined && v !== null) name += key === 'sigalgs' ? JSON.stringify(v) : v;
  }
  return name;
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// ---- requests -------------------------------------------------------------------------------

function request(...args) {
  // The options object (after a URL, when one leads) carries https's agent as the default.
  const at = typeof args[0] === 'string' || (args[0] !== null && typeof args[0] === 'object' &&
    typeof args[0].href === 'string' && args[0].searchParams) ? 1 : 0;
  if (args[at] !== null && typeof args[at] === 'object') {
    args[at] = { ...args[at], _defaultAgent: module.exports.globalAgent };
  } else {
    args.splice(at, 0, { _defaultAgent: module.exports.globalAgent });
  }
  return new ClientRequest(...args);
}

function get(...args) {
  const req = request(...args);
  req.end();
  return req;
}

module.exports = { Agent, globalAgent, Server, createServer, get, request };
