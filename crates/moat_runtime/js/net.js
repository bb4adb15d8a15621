'use strict';
// node:net — TCP sockets and servers over the `net` binding (the host's sockets in the
// sandbox, checked there against --allow-net), and the address helpers.
//
// A Socket is an EventEmitter with Node's socket events, methods and fields; it is not yet a
// stream.Duplex (moat has no node:stream yet), so the stream-only methods say so.
// Readiness comes from the event loop's poll: `['ready', handle, bits]` (bits: 1 readable,
// 2 writable, 4 closed), level-triggered until a read or write answers that it would block.

const EventEmitter = require('events');
const { validateNumber, validateBoolean, validateFunction } = require('internal/validators');
const { codes, thrower } = require('internal/errors');
const loop = require('internal/loop');
const binding = internalBinding('net');

const { isIP, isIPv4, isIPv6, validatePort } = require('internal/net');

let autoSelectFamily = true;
let autoSelectFamilyAttemptTimeout = 250;

const READABLE = 1;
const WRITABLE = 2;
const CLOSED = 4;
const kReadSize = 64 * 1024;
const kHighWaterMark = 16 * 1024;

const lazyBuffer = () => require('buffer').Buffer;


function toBuffer(chunk, encoding) {
  const Buffer = lazyBuffer();
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding || 'utf8');
  if (chunk instanceof Uint8Array) return chunk;
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
}

// ---- Socket --------------------------------------------------------------------------------

class SocketImpl extends EventEmitter {
  constructor(options = undefined) {
    super();
    if (typeof options === 'number') options = { fd: options };
    options = options ?? {};
    for (const key of ['objectMode', 'readableObjectMode', 'writableObjectMode']) {
      if (options[key]) {
        throw new (require('internal/errors').codes.ERR_INVALID_ARG_VALUE)(`options.${key}`, options[key], 'is not supported');
      }
    }
    if (options.fd !== undefined) {
      throw new codes.ERR_NOT_IMPLEMENTED('net.Socket({ fd })');
    }
    this._handle = null;
    this.connecting = false;
    this.destroyed = false;
    this.allowHalfOpen = options.allowHalfOpen === true;
    this._decoder = null;
    this._paused = false;
    this._flowing = false;
    this._eof = false; // the peer's end arrived
    this._ended = false; // ... and 'end' was emitted, after everything read before it
    this._readBuffer = []; // read while nobody takes 'data'
    this._holdReads = false; // a server's pauseOnConnect: nothing is read until resume()
    this._buffered = 0;
    this._ending = false; // end() was called
    this._finished = false; // our end went out
    this._writeQueue = [];
    this._queued = 0;
    this._watching = 0;
    this._refed = true;
    this._timeout = 0;
    this._timer = null;
    this._hadError = false;
    this._server = null;
    this.bytesRead = 0;
    this._bytesWritten = 0;
    this._peer = null;
    this._local = null;
    // 'data' listeners start the flow, as a readable stream's do.
    this.on('newListener', (event) => {
      if (event === 'data' && !this._paused) {
        this._flowing = true;
        process.nextTick(() => this._deliver());
      }
    });
  }

  get readyState() {
    if (this.connecting) return 'opening';
    const r = this._handle !== null && !this._ended;
    const w = this._handle !== null && !this._ending;
    if (r && w) return 'open';
    if (r) return 'readOnly';
    if (w) return 'writeOnly';
    return 'closed';
  }
  get pending() { return this._handle === null || this.connecting; }
  // What went out plus what waits to, as Node counts it.
  get bytesWritten() { return this._bytesWritten + this._queued; }
  get bufferSize() { return this._queued; }
  get writableLength() { return this._queued; }
  get readable() { return this._handle !== null && !this._ended && !this.destroyed; }
  get writable() { return !this._ending && !this.destroyed; }
  get remoteAddress() { return this._peerInfo()?.address; }
  get remotePort() { return this._peerInfo()?.port; }
  get remoteFamily() { return this._peerInfo()?.family; }
  get localAddress() { return this._localInfo()?.address; }
  get localPort() { return this._localInfo()?.port; }
  get localFamily() { return this._localInfo()?.family; }
  _peerInfo() {
    if (this._peer === null && this._handle !== null && !this.connecting) {
      const a = binding.address(this._handle, true);
      if (a) this._peer = { address: a[0], port: a[1], family: a[2] };
    }
    return this._peer ?? undefined;
  }
  _localInfo() {
    if (this._local === null && this._handle !== null) {
      const a = binding.address(this._handle, false);
      if (a) this._local = { address: a[0], port: a[1], family: a[2] };
    }
    return this._local ?? undefined;
  }
  address() {
    const l = this._localInfo();
    return l ? { address: l.address, family: l.family, port: l.port } : {};
  }

  connect(...args) {
    const [options, cb] = normalizeConnectArgs(args);
    if ((options.port === undefined || options.port === null) && (options.path === undefined || options.path === null)) {
      throw new codes.ERR_MISSING_ARGS(['options', 'port', 'path']);
    }
    if (options.host !== undefined && options.host !== null && typeof options.host !== 'string') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.host', 'string', options.host);
    }
    if (options.lookup !== undefined) validateFunction(options.lookup, 'options.lookup');
    if (typeof cb === 'function') this.once('connect', cb);
    if (this.destroyed) {
      this.destroyed = false;
      this._eof = this._ended = this._ending = this._finished = false;
    }
    if (options.path !== undefined) {
      throw new codes.ERR_NOT_IMPLEMENTED('net.Socket.connect({ path })');
    }
    const host = options.host === undefined || options.host === null ? 'localhost' : `${options.host}`;
    const port = validatePort(options.port, 'Port');
    this.connecting = true;
    if (isIP(host)) {
      binding.check(host, port);
      process.nextTick(() => this._connectTo(host, port));
      return this;
    }
    const family = options.family === 6 ? 6 : options.family === 4 ? 4 : 0;
    const lookup = options.lookup ?? require('dns').lookup;
    lookup(host, { family, hints: options.hints ?? 0, all: false }, (err, address, fam) => {
      this.emit('lookup', err, address, fam, host);
      if (!this.connecting) return;
      if (err) {
        this.destroy(err);
        return;
      }
      try {
        binding.check(address, port);
      } catch (e) {
        this.destroy(e);
        return;
      }
      this._connectTo(address, port);
    });
    return this;
  }

  _connectTo(ip, port) {
    if (!this.connecting || this.destroyed) return;
    const handle = binding.newHandle();
    try {
      binding.connect(handle, ip, port);
    } catch (err) {
      this.destroy(err);
      return;
    }
    this._attach(handle);
    this._connectAddress = { ip, port };
    this._update();
  }

  _attach(handle) {
    this._handle = handle;
    loop.registerHandle(handle, (event) => this._onReady(event[2]));
    if (!this._refed) loop.unrefHandle(handle);
  }

  // The handle's readiness, as the loop's poll reports it.
  _onReady(bits) {
    if (this._handle === null) return;
    if (this.connecting) {
      if (!(bits & (WRITABLE | CLOSED))) return;
      const peer = binding.address(this._handle, true);
      if (!peer) {
        // Not connected: reading tells why.
        let err;
        try { binding.recv(this._handle, 1); } catch (e) { err = e; }
        if (err === undefined) return;
        const { ip, port } = this._connectAddress;
        err.message = `connect ${err.code} ${ip}:${port}`;
        err.syscall = 'connect';
        err.address = ip;
        err.port = port;
        this.destroy(err);
        return;
      }
      this.connecting = false;
      this._touch();
      this.emit('connect');
      this.emit('ready');
      if (this.destroyed) return;
    }
    if (bits & WRITABLE) this._flush();
    if ((bits & READABLE) || (bits & CLOSED)) this._read();
    this._update();
  }

  // Reads what has arrived: to 'data' listeners when flowing, else into the buffer (up to the
  // high-water mark), as a readable stream does.
  _read() {
    while (this._handle !== null && !this._eof && !this._holdReads) {
      if (!this._isFlowing() && this._buffered >= kHighWaterMark) break;
      let chunk;
      try {
        chunk = binding.recv(this._handle, kReadSize);
      } catch (err) {
        this.destroy(err);
        return;
      }
      if (chunk === null || chunk === undefined) break;
      if (chunk.length === 0) {
        this._eof = true;
        break;
      }
      this.bytesRead += chunk.length;
      this._touch();
      const Buffer = lazyBuffer();
      const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      if (this._isFlowing() && this._readBuffer.length === 0) this._emitData(buf);
      else {
        this._readBuffer.push(buf);
        this._buffered += buf.length;
      }
      if (this.destroyed) return;
    }
    this._drain();
  }

  _isFlowing() { return this._flowing && !this._paused; }

  _emitData(buf) {
    this.emit('data', this._decoder ? this._decoder.write(buf) : buf);
  }

  // Hands buffered data to a flowing reader; 'end' follows the last of it.
  _drain() {
    while (this._isFlowing() && this._readBuffer.length > 0 && !this.destroyed) {
      const buf = this._readBuffer.shift();
      this._buffered -= buf.length;
      this._emitData(buf);
    }
    if (this._eof && !this._ended && this._readBuffer.length === 0 && !this.destroyed) this._onEnd();
  }

  _deliver() {
    this._drain();
    if (this._handle !== null && !this.connecting) this._read();
    this._update();
  }

  _onEnd() {
    if (this._decoder !== null) {
      const rest = this._decoder.end();
      if (rest !== '') this.emit('data', rest);
    }
    this._ended = true;
    this.emit('end');
    if (this.destroyed) return;
    if (!this.allowHalfOpen && !this._ending) this.end();
    else if (this._finished) this.destroy();
  }

  // Sends what is queued; runs write callbacks for what went out.
  _flush() {
    while (this._handle !== null && this._writeQueue.length > 0) {
      const item = this._writeQueue[0];
      let n;
      try {
        n = binding.send(this._handle, item.offset === 0 ? item.data : item.data.subarray(item.offset));
      } catch (err) {
        this.destroy(err);
        return;
      }
      if (n < 0) return;
      item.offset += n;
      this._queued -= n;
      this._bytesWritten += n;
      if (n > 0) this._touch();
      if (item.offset < item.data.length) return;
      this._writeQueue.shift();
      if (typeof item.cb === 'function') process.nextTick(item.cb, null);
    }
    if (this._handle === null) return;
    if (this._needDrain) {
      this._needDrain = false;
      process.nextTick(() => this.emit('drain'));
    }
    if (this._ending && !this._finished) {
      this._finished = true;
      binding.shutdown(this._handle, 1);
      // As a shutdown request completes in Node: after this poll phase.
      setImmediate(() => {
        this.emit('finish');
        // Both ends done: the socket closes (else it waits for the peer's end).
        if (this._ended) this.destroy();
      });
    }
  }

  // Asks the loop for the readiness this socket needs now.
  _update() {
    if (this._handle === null || this.destroyed) return;
    let bits = 0;
    if (this.connecting) bits = WRITABLE;
    else {
      if (!this._eof && !this._holdReads && (this._isFlowing() || this._buffered < kHighWaterMark)) bits |= READABLE;
      if (this._writeQueue.length > 0 || (this._ending && !this._finished)) bits |= WRITABLE;
    }
    if (bits !== this._watching) {
      this._watching = bits;
      binding.watch(this._handle, bits);
    }
    if (!this.connecting && (bits & WRITABLE) && this._writeQueue.length === 0) this._flush();
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (chunk === null) throw new codes.ERR_STREAM_NULL_VALUES();
    const data = toBuffer(chunk, encoding);
    if (this._ending) {
      const err = new codes.ERR_STREAM_WRITE_AFTER_END();
      process.nextTick(() => {
        if (typeof cb === 'function') cb(err);
        this.destroy(err);
      });
      return false;
    }
    if (this.destroyed) {
      const err = new codes.ERR_SOCKET_CLOSED();
      process.nextTick(() => { if (typeof cb === 'function') cb(err); });
      return false;
    }
    this._writeQueue.push({ data, offset: 0, cb });
    this._queued += data.length;
    if (!this.connecting && this._handle !== null && this._writeQueue.length === 1) this._flush();
    this._update();
    // As Node's sockets decide: by what is still buffered once the OS took what it could.
    const ok = this._queued < kHighWaterMark;
    if (!ok) this._needDrain = true;
    return ok;
  }

  end(data, encoding, cb) {
    if (typeof data === 'function') {
      cb = data;
      data = undefined;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (data !== undefined && data !== null) this.write(data, encoding);
    if (typeof cb === 'function') this.once('finish', cb);
    if (this._ending) return this;
    this._ending = true;
    if (this._handle !== null && !this.connecting) {
      if (this._writeQueue.length === 0) this._flush();
      this._update();
    }
    return this;
  }

  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    this.connecting = false;
    this._clearTimer();
    if (this._handle !== null) {
      // Addresses stay readable after the close, as in Node.
      this._peerInfo();
      this._localInfo();
      loop.unregisterHandle(this._handle);
      binding.close(this._handle);
      this._handle = null;
    }
    const hadError = err !== undefined && err !== null;
    this._hadError = hadError;
    // 'error' on the next tick, 'close' in the loop's close phase, once the handle is gone.
    if (hadError) process.nextTick(() => this.emit('error', err));
    loop.queueClose(() => {
      this.emit('close', hadError);
      if (this._server !== null) this._server._connectionClosed();
    });
    return this;
  }
  destroySoon() {
    this.end();
    this.once('finish', () => this.destroy());
  }
  resetAndDestroy() { return this.destroy(); }

  pause() {
    this._paused = true;
    this._update();
    return this;
  }
  resume() {
    this._paused = false;
    this._holdReads = false;
    this._flowing = true;
    process.nextTick(() => this._deliver());
    return this;
  }
  isPaused() { return this._paused; }
  setEncoding(encoding) {
    const { StringDecoder } = require('string_decoder');
    this._decoder = new StringDecoder(encoding);
    return this;
  }
  setNoDelay(noDelay = true) {
    if (this._handle !== null) binding.setOption(this._handle, 1, !!noDelay);
    return this;
  }
  setKeepAlive(enable = false) {
    if (this._handle !== null) binding.setOption(this._handle, 2, !!enable);
    return this;
  }
  setTimeout(ms, cb) {
    validateNumber(ms, 'msecs', 0, 2 ** 31 - 1);
    if (cb !== undefined) validateFunction(cb, 'callback');
    if (this.destroyed) return this;
    if (typeof cb === 'function') {
      if (ms === 0) this.removeListener('timeout', cb);
      else this.once('timeout', cb);
    }
    this._timeout = ms;
    this._touch();
    return this;
  }
  _touch() {
    this._clearTimer();
    if (this._timeout > 0 && !this.destroyed) {
      this._timer = setTimeout(() => this.emit('timeout'), this._timeout);
      this._timer.unref();
    }
  }
  _clearTimer() {
    if (this._timer !== null) {
      clearTimeout(this._timer);
      this._timer = null;
    }
  }
  cork() {}
  uncork() {}
  setDefaultEncoding() { return this; }
}
for (const name of ['pipe', 'unpipe', 'read', 'unshift', 'wrap']) {
  SocketImpl.prototype[name] = thrower(`net.Socket.${name}`);
}
SocketImpl.prototype[Symbol.asyncIterator] = thrower('net.Socket[Symbol.asyncIterator]');

// Whether a socket or server keeps the process alive.
function ref() {
  this._refed = true;
  if (this._handle !== null) loop.refHandle(this._handle);
  return this;
}
function unref() {
  this._refed = false;
  if (this._handle !== null) loop.unrefHandle(this._handle);
  return this;
}
SocketImpl.prototype.ref = ref;
SocketImpl.prototype.unref = unref;

// Node's Socket and Server are functions that may be called without `new`; a class under each
// does the work, and subclasses (`class X extends net.Socket`) get their own prototype.
function constructible(name, Impl) {
  // (A function expression, named by its key: methods cannot be constructed.)
  const ctor = {
    [name]: function (...args) {
      return Reflect.construct(Impl, args, new.target ?? ctor);
    },
  }[name];
  ctor.prototype = Impl.prototype;
  Object.defineProperty(Impl.prototype, 'constructor', { value: ctor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor, EventEmitter);
  return ctor;
}
const Socket = constructible('Socket', SocketImpl);

function normalizeConnectArgs(args) {
  if (args.length === 0) throw new codes.ERR_MISSING_ARGS(['options', 'port', 'path']);
  let options;
  let i = 1;
  const first = args[0];
  if (first !== null && typeof first === 'object') options = { ...first };
  else if (typeof first === 'string' && !/^\d+$/.test(first) && first !== '') options = { path: first };
  else {
    options = { port: first };
    if (typeof args[1] === 'string') {
      options.host = args[1];
      i = 2;
    }
  }
  const cb = args.slice(i).find((a) => typeof a === 'function');
  return [options, cb];
}

function connect(...args) {
  const [options, cb] = normalizeConnectArgs(args);
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(options, cb);
}

// ---- Server --------------------------------------------------------------------------------

class ServerImpl extends EventEmitter {
  constructor(options, connectionListener) {
    super();
    if (typeof options === 'function') {
      connectionListener = options;
      options = {};
    }
    options = options ?? {};
    if (typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    if (typeof connectionListener === 'function') this.on('connection', connectionListener);
    this.allowHalfOpen = options.allowHalfOpen === true;
    this.pauseOnConnect = options.pauseOnConnect === true;
    this._handle = null;
    this._connections = 0;
    this._closing = false;
    this._refed = true;
    this.maxConnections = undefined;
  }

  get listening() { return this._handle !== null; }

  listen(...args) {
    let options = {};
    let cb;
    if (typeof args[args.length - 1] === 'function') cb = args.pop();
    const first = args[0];
    if (first !== null && typeof first === 'object') options = { ...first };
    else if (typeof first === 'string' && !/^\s*\d+\s*$/.test(first)) options.path = first;
    else {
      if (first !== undefined && first !== null) options.port = first;
      if (typeof args[1] === 'string') options.host = args[1];
      const backlog = typeof args[1] === 'number' ? args[1] : args[2];
      if (typeof backlog === 'number') options.backlog = backlog;
    }
    if (options.path !== undefined) {
      throw new codes.ERR_NOT_IMPLEMENTED('net.Server.listen({ path })');
    }
    if (this._handle !== null) throw new codes.ERR_SERVER_ALREADY_LISTEN();
    const port = options.port === undefined ? 0 : validatePort(options.port, 'options.port');
    if (typeof cb === 'function') this.once('listening', cb);
    const backlog = typeof options.backlog === 'number' ? options.backlog : 511;
    const host = options.host;
    if (host === undefined || host === null || isIP(host)) {
      // With no host, every interface (IPv6 and IPv4), as Node does.
      const ip = host ?? '::';
      binding.check(ip, port);
      this._bind(ip, port, backlog);
      return this;
    }
    require('dns').lookup(host, (err, address) => {
      if (err) {
        this.emit('error', err);
        return;
      }
      try {
        binding.check(address, port);
      } catch (e) {
        this.emit('error', e);
        return;
      }
      this._bind(address, port, backlog);
    });
    return this;
  }

  _bind(ip, port, backlog) {
    const handle = binding.newHandle();
    try {
      binding.listen(handle, ip, port, backlog);
    } catch (err) {
      process.nextTick(() => this.emit('error', err));
      return;
    }
    this._handle = handle;
    loop.registerHandle(handle, () => this._accept());
    if (!this._refed) loop.unrefHandle(handle);
    binding.watch(handle, READABLE);
    process.nextTick(() => this.emit('listening'));
  }

  _accept() {
    while (this._handle !== null) {
      const handle = binding.newHandle();
      let got;
      try {
        got = binding.accept(this._handle, handle);
      } catch (err) {
        this.emit('error', err);
        return;
      }
      if (!got) return;
      if (this.maxConnections !== undefined && this._connections >= this.maxConnections) {
        binding.close(handle);
        continue;
      }
      const socket = new Socket({ allowHalfOpen: this.allowHalfOpen });
      socket._server = this;
      socket._attach(handle);
      this._connections++;
      if (this.pauseOnConnect) {
        socket._paused = true;
        socket._holdReads = true;
      }
      this.emit('connection', socket);
      socket._update();
    }
  }

  _connectionClosed() {
    this._connections--;
    this._maybeClosed();
  }

  _maybeClosed() {
    if (this._closing && this._handle === null && this._connections === 0) {
      this._closing = false;
      process.nextTick(() => this.emit('close'));
    }
  }

  address() {
    if (this._handle === null) return null;
    const a = binding.address(this._handle, false);
    return a ? { address: a[0], family: a[2], port: a[1] } : null;
  }

  close(cb) {
    if (typeof cb === 'function') {
      if (this._handle === null) {
        this.once('close', () => cb(new codes.ERR_SERVER_NOT_RUNNING()));
      } else {
        this.once('close', cb);
      }
    }
    if (this._handle !== null) {
      loop.unregisterHandle(this._handle);
      binding.close(this._handle);
      this._handle = null;
    }
    this._closing = true;
    this._maybeClosed();
    return this;
  }

  getConnections(cb) {
    validateFunction(cb, 'callback');
    process.nextTick(cb, null, this._connections);
    return this;
  }

  [Symbol.asyncDispose]() {
    return new Promise((resolve) => this.close(() => resolve()));
  }
}

ServerImpl.prototype.ref = ref;
ServerImpl.prototype.unref = unref;
const Server = constructible('Server', ServerImpl);

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

module.exports = {
  isIP, isIPv4, isIPv6,
  getDefaultAutoSelectFamily: () => autoSelectFamily,
  setDefaultAutoSelectFamily(value) { validateBoolean(value, 'value'); autoSelectFamily = value; },
  getDefaultAutoSelectFamilyAttemptTimeout: () => autoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout(value) {
    validateNumber(value, 'value', 1);
    autoSelectFamilyAttemptTimeout = value < 10 ? 10 : value;
  },
  createServer,
  createConnection: connect,
  connect,
  Server,
  Socket,
  Stream: Socket,
  BlockList: thrower('net.BlockList'),
  SocketAddress: thrower('net.SocketAddress'),
};
