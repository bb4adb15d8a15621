'use strict';
// http.Agent: the client's sockets per destination (`host:port:localAddress[:family]`). A
// request takes a free socket when there is one, a new one while fewer than maxSockets are
// open, else waits; a keep-alive socket freed by its request serves the next waiting one or
// waits, unreferenced, among the free sockets (at most maxFreeSockets of them).

const net = require('net');
const EventEmitter = require('events');
const { codes } = require('internal/errors');
const { validateNumber, validateOneOf } = require('internal/validators');

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  EventEmitter.call(this);
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.options = { __proto__: null, ...options };
  if (this.options.noDelay === undefined) this.options.noDelay = true;
  this.options.path = null;
  this.requests = { __proto__: null };
  this.sockets = { __proto__: null };
  this.freeSockets = { __proto__: null };
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.scheduling = this.options.scheduling || 'lifo';
  this.maxTotalSockets = this.options.maxTotalSockets;
  this.totalSocketCount = 0;
  validateOneOf(this.scheduling, 'scheduling', ['fifo', 'lifo']);
  if (this.maxTotalSockets !== undefined) validateNumber(this.maxTotalSockets, 'maxTotalSockets', 1);
  else this.maxTotalSockets = Infinity;

  this.on('free', (socket, options) => {
    const name = this.getName(options);
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const requests = this.requests[name];
    if (requests && requests.length) {
      const req = requests.shift();
      if (requests.length === 0) delete this.requests[name];
      setRequestSocket(this, req, socket);
      return;
    }
    const req = socket._httpMessage;
    if (!req || !req.shouldKeepAlive || !this.keepAlive) {
      socket.destroy();
      return;
    }
    const freeSockets = this.freeSockets[name] || [];
    const freeLen = freeSockets.length;
    let count = freeLen;
    if (this.sockets[name]) count += this.sockets[name].length;
    if (this.totalSocketCount > this.maxTotalSockets || count > this.maxSockets || freeLen >= this.maxFreeSockets ||
        !this.keepSocketAlive(socket)) {
      socket.destroy();
      return;
    }
    this.freeSockets[name] = freeSockets;
    socket._httpMessage = null;
    removeSocket(this.sockets, name, socket);
    freeSockets.push(socket);
    socket.once('error', freeSocketErrorListener);
  });
  this.on('newListener', maybeEnableKeylog);
}
Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Agent, EventEmitter);

function maybeEnableKeylog() {}

// A free socket that fails is closed and leaves the agent.
function freeSocketErrorListener() {
  this.destroy();
  this.emit('agentRemove');
}

Agent.defaultMaxSockets = Infinity;

Agent.prototype.createConnection = function createConnection(...args) {
  return net.createConnection(...args);
};

Agent.prototype.getName = function getName(options = {}) {
  let name = options.host || 'localhost';
  name += ':';
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  if (options.family === 4 || options.family === 6) name += `:${options.family}`;
  if (options.socketPath) name += `:${options.socketPath}`;
  return name;
};

function removeSocket(table, name, socket) {
  const list = table[name];
  if (!list) return false;
  const i = list.indexOf(socket);
  if (i === -1) return false;
  list.splice(i, 1);
  if (list.length === 0) delete table[name];
  return true;
}

Agent.prototype.addRequest = function addRequest(req, options, port, localAddress) {
  if (typeof options === 'string') options = { __proto__: null, host: options, port, localAddress };
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  normalizeServerName(options, req);
  const name = this.getName(options);
  this.sockets[name] ||= [];
  const freeSockets = this.freeSockets[name];
  let socket;
  if (freeSockets) {
    while (freeSockets.length && freeSockets[0].destroyed) freeSockets.shift();
    socket = this.scheduling === 'fifo' ? freeSockets.shift() : freeSockets.pop();
    if (!freeSockets.length) delete this.freeSockets[name];
  }
  const freeLen = freeSockets ? freeSockets.length : 0;
  const sockLen = freeLen + this.sockets[name].length;
  if (socket) {
    socket.removeListener('error', freeSocketErrorListener);
    this.reuseSocket(socket, req);
    setRequestSocket(this, req, socket);
    this.sockets[name].push(socket);
  } else if (sockLen < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
    this.createSocket(req, options, (err, s) => {
      if (err) req.onSocket(s, err);
      else setRequestSocket(this, req, s);
    });
  } else {
    this.requests[name] ||= [];
    this.requests[name].push(req);
  }
};

function normalizeServerName(options, req) {
  if (!options.servername && options.servername !== '') options.servername = calculateServerName(options, req);
}
function calculateServerName(options, req) {
  let servername = options.host;
  const hostHeader = req.getHeader('host');
  if (hostHeader) {
    if (typeof hostHeader !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('options.headers.host', 'String', hostHeader);
    servername = hostHeader.startsWith('[') ? hostHeader.slice(1, hostHeader.indexOf(']')) : hostHeader.split(':', 1)[0];
  }
  if (net.isIP(servername)) servername = '';
  return servername;
}

Agent.prototype.removeRequest = function removeRequest(req) {
  for (const name of Object.keys(this.requests)) {
    const list = this.requests[name];
    const i = list.indexOf(req);
    if (i !== -1) {
      list.splice(i, 1);
      if (list.length === 0) delete this.requests[name];
    }
  }
};

Agent.prototype.createSocket = function createSocket(req, options, cb) {
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  normalizeServerName(options, req);
  const name = this.getName(options);
  options._agentKey = name;
  options.encoding = null;
  let called = false;
  const oncreate = (err, s) => {
    if (called) return;
    called = true;
    if (err) return cb(err);
    this.sockets[name] ||= [];
    this.sockets[name].push(s);
    this.totalSocketCount++;
    installListeners(this, s, options);
    cb(null, s);
  };
  if (this.keepAlive) {
    options.keepAlive = this.keepAlive;
    options.keepAliveInitialDelay = this.keepAliveMsecs;
  }
  const newSocket = this.createConnection(options, oncreate);
  if (newSocket) oncreate(null, newSocket);
};

function installListeners(agent, s, options) {
  const onFree = () => agent.emit('free', s, options);
  s.on('free', onFree);
  const onClose = () => {
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
  };
  s.on('close', onClose);
  const onTimeout = () => {
    const sockets = agent.freeSockets;
    if (Object.keys(sockets).some((name) => sockets[name].includes(s))) s.destroy();
  };
  s.on('timeout', onTimeout);
  const onRemove = () => {
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
    s.removeListener('close', onClose);
    s.removeListener('free', onFree);
    s.removeListener('timeout', onTimeout);
    s.removeListener('agentRemove', onRemove);
  };
  s.on('agentRemove', onRemove);
}

Agent.prototype.removeSocket = function removeSocket(s, options) {
  const name = this.getName(options);
  for (const table of [this.sockets, this.freeSockets]) {
    const list = table[name];
    if (!list) continue;
    const i = list.indexOf(s);
    if (i !== -1) {
      list.splice(i, 1);
      if (list.length === 0) delete table[name];
    }
  }
  const requests = this.requests[name];
  if (requests && requests.length) {
    // A waiting request gets a new socket in place of the closed one.
    const req = requests.shift();
    if (requests.length === 0) delete this.requests[name];
    this.createSocket(req, options, (err, socket) => {
      if (err) req.onSocket(socket, err);
      else socket.emit('free');
    });
    this.requests[name] ||= [];
    this.requests[name].unshift(req);
  }
};

Agent.prototype.keepSocketAlive = function keepSocketAlive(socket) {
  socket.setKeepAlive(true, this.keepAliveMsecs);
  socket.unref();
  let agentTimeout = this.options.timeout || 0;
  const hint = socket._httpMessage?.res?.headers?.['keep-alive'];
  if (hint) {
    const m = /timeout=(\d+)/.exec(hint);
    if (m) {
      const serverHint = Number(m[1]) * 1000 - 1000;
      if (serverHint > 0 && (agentTimeout === 0 || serverHint < agentTimeout)) agentTimeout = serverHint;
    }
  }
  if (socket.timeout !== agentTimeout) socket.setTimeout(agentTimeout);
  return true;
};

Agent.prototype.reuseSocket = function reuseSocket(socket, req) {
  req.reusedSocket = true;
  socket.ref();
};

Agent.prototype.destroy = function destroy() {
  for (const table of [this.freeSockets, this.sockets]) {
    for (const name of Object.keys(table)) for (const s of [...table[name]]) s.destroy();
  }
};

function setRequestSocket(agent, req, socket) {
  req.onSocket(socket);
  const agentTimeout = agent.options.timeout || 0;
  if (req.timeout === undefined || req.timeout === agentTimeout) return;
  socket.setTimeout(req.timeout);
}

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

module.exports = { Agent, globalAgent };
