'use strict';
// node:net — TCP and Unix-domain (pipe) sockets and servers over the `net` binding (the host's
// sockets in the sandbox, checked there against --allow-net, or for a socket path against the
// file grants), and the address helpers.
//
// A Socket is a stream.Duplex over a handle. Readiness comes from the event loop's poll:
// `['ready', handle, bits]` (bits: 1 readable, 2 writable, 4 closed), level-triggered, so the
// socket asks for readability only while its reader wants data (push() answered true) and for
// writability only while a write is waiting for the OS.

const EventEmitter = require('events');
const { Duplex, Writable } = require('stream');
const { validateNumber, validateBoolean, validateFunction, validateInt32, validateAbortSignal } =
  require('internal/validators');
const { codes } = require('internal/errors');
const loop = require('internal/loop');
const binding = internalBinding('net');

const { isIP, isIPv4, isIPv6, validatePort } = require('internal/net');
const { BlockList, SocketAddress } = require('internal/net');

// The defaults, which --[no-]network-family-autoselection and
// --network-family-autoselection-attempt-timeout=MS set (the last given wins).
let autoSelectFamily = true;
let autoSelectFamilyAttemptTimeout = 250;
for (const flag of internalBinding('process').flags) {
  if (flag === '--network-family-autoselection') autoSelectFamily = true;
  else if (flag === '--no-network-family-autoselection') autoSelectFamily = false;
}
{
  const given = require('internal/options').flagValues('--network-family-autoselection-attempt-timeout').pop();
  if (given !== undefined) {
    // An unsigned 64-bit number, as node reads it: the leading digits (none: 0).
    const m = /^\s*([-+]?)(\d*)/.exec(given);
    const n = m[2] === '' ? 0 : Number(m[2]);
    autoSelectFamilyAttemptTimeout = m[1] === '-' && n !== 0 ? 2 ** 64 - n : n;
  }
}

const READABLE = 1;
const WRITABLE = 2;
const CLOSED = 4;
const kReadSize = 64 * 1024;

let BufferClass;
const lazyBuffer = () => (BufferClass ??= require('buffer').Buffer);

function toBytes(chunk, encoding) {
  if (typeof chunk !== 'string') return chunk;
  if (encoding === 'buffer') {
    // What Node's stream handle answers a string said to be a buffer.
    const err = new TypeError('Second argument must be a buffer');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  return lazyBuffer().from(chunk, encoding || 'utf8');
}

// ---- Handles -------------------------------------------------------------------------------

// The OS socket under a Socket or Server (`_handle`), as Node's TCP and Pipe handles: closing it,
// its options and addresses. `_id` is the binding's handle; a listening handle passes each
// accepted connection's handle to `onconnection(err, clientHandle)`.
class TCP {
  constructor() {
    Object.defineProperties(this, {
      _id: { value: binding.newHandle() },
      _closed: { value: false, writable: true },
      _used: { value: false, writable: true },
    });
    this.owner = null;
    this.onconnection = null;
  }

  close(cb) {
    if (this._closed) return;
    this._closed = true;
    loop.unregisterHandle(this._id);
    binding.close(this._id);
    if (typeof cb === 'function') loop.queueClose(cb);
  }

  ref() { loop.refHandle(this._id); }
  unref() { loop.unrefHandle(this._id); }

  // Fills `out` with the local (or the peer's) address; a negative errno when there is none.
  getsockname(out) { return this._address(out, false); }
  getpeername(out) { return this._address(out, true); }
  _address(out, peer) {
    if (this._closed) return kEBADF;
    const a = binding.address(this._id, peer);
    if (!a) return peer ? kENOTCONN : kEINVAL;
    out.address = a[0];
    out.family = a[2];
    out.port = a[1];
    return 0;
  }

  setNoDelay(enable) {
    binding.setOption(this._id, 1, !!enable);
    return 0;
  }

  // `delay` (seconds before the first probe) is the OS's own: the sandbox ABI sets only the flag.
  setKeepAlive(enable, delay) {
    binding.setOption(this._id, 2, !!enable);
    return 0;
  }
}

// A Unix-domain socket's handle.
class Pipe extends TCP {}

const kEBADF = -9;
const kEINVAL = -22;
const kENOTCONN = -107;

// The error of a handle's call that answered a negative errno, as Node's (`address EPERM`).
function errnoException(errno, syscall) {
  const code = require('util').getSystemErrorName(errno);
  const err = new Error(`${syscall} ${code}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  return err;
}

// ---- Socket --------------------------------------------------------------------------------

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (typeof options === 'number') options = { fd: options };
  options = options ?? {};
  for (const key of ['objectMode', 'readableObjectMode', 'writableObjectMode']) {
    if (options[key]) throw new codes.ERR_INVALID_ARG_VALUE(`options.${key}`, options[key], 'is not supported');
  }
  if (options.fd !== undefined) {
    validateInt32(options.fd, 'fd', 0);
    throw new codes.ERR_NOT_IMPLEMENTED('net.Socket({ fd })');
  }
  if (options.handle !== undefined && !(options.handle instanceof TCP)) {
    throw new codes.ERR_NOT_IMPLEMENTED('net.Socket({ handle })');
  }
  this.connecting = false;
  this._hadError = false;
  this._handle = null;
  this._parent = null;
  this._host = null;
  this._pendingData = null;
  this._pendingEncoding = '';
  this.server = null;
  this._server = null;
  this._watching = 0;
  this._reading = false;
  this._writeReq = null; // { data, offset, cb } waiting for the OS
  this._bytesDispatched = 0;
  this._refed = true;
  this._timeout = 0;
  this._timer = null;
  this._spareTimer = null;
  this._peer = null;
  this._local = null;
  this._closeQueued = false;
  // Several addresses being tried in turn (happy eyeballs), or null.
  this._attempts = null;
  // A connection's BlockList (options.blockList), or null.
  this._blockList = null;
  this._localAddress = null;
  this._localPort = null;
  // A 'data' listener that, while it is the only reader, takes what is read directly instead of
  // through the stream (an HTTP server's connection, as Node's parser consumes the handle), or
  // null. Once the program adds a 'data' or 'readable' listener, reads go through the stream.
  this._consumer = null;
  // { buffer, callback }: reads go to callback(nread, buffer), not to the stream.
  const onread = options.onread;
  this._onread = onread !== null && typeof onread === 'object' &&
    (onread.buffer instanceof Uint8Array || typeof onread.buffer === 'function') &&
    typeof onread.callback === 'function' ? { buffer: onread.buffer, callback: onread.callback } : null;
  // TCP_NODELAY and SO_KEEPALIVE (with its delay in seconds) as last set.
  this._noDelay = !!options.noDelay;
  this._keepAlive = !!options.keepAlive;
  this._keepAliveDelay = this._keepAlive ? Math.max(0, ~~((options.keepAliveInitialDelay ?? 0) / 1000)) : 0;
  // A Unix-domain socket: it has no IP addresses or ports.
  this._pipe = false;
  this.bytesRead = 0;
  Duplex.call(this, {
    allowHalfOpen: options.allowHalfOpen === true,
    emitClose: false,
    autoDestroy: true,
    decodeStrings: false,
    highWaterMark: options.highWaterMark,
    readableHighWaterMark: options.readableHighWaterMark,
    writableHighWaterMark: options.writableHighWaterMark,
    signal: options.signal,
  });
  this.allowHalfOpen = options.allowHalfOpen === true;
  if (options.handle instanceof TCP) {
    this._attach(options.handle);
    if (options.pauseOnConnect) this.readableFlowing = false;
  }
  this.on('end', onReadableStreamEnd);
}
Object.setPrototypeOf(Socket.prototype, Duplex.prototype);
Object.setPrototypeOf(Socket, Duplex);

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) return Duplex.prototype.write.call(this, chunk, encoding, cb);
  if (typeof encoding === 'function') cb = encoding;
  const err = new Error('This socket has been ended by the other party');
  err.code = 'EPIPE';
  if (typeof this.destroy === 'function') this.destroy(err);
  if (typeof cb === 'function') process.nextTick(cb, err);
  return false;
}

const proto = Socket.prototype;

Object.defineProperties(proto, {
  readyState: {
    configurable: true,
    get() {
      if (this.connecting) return 'opening';
      if (this.readable && this.writable) return 'open';
      if (this.readable && !this.writable) return 'readOnly';
      if (!this.readable && this.writable) return 'writeOnly';
      return 'closed';
    },
  },
  pending: { configurable: true, get() { return this._handle === null || this.connecting; } },
  // The legacy name of `connecting`.
  _connecting: { get() { return this.connecting; } },
  bufferSize: { configurable: true, get() { return this._handle !== null ? this.writableLength : undefined; } },
  bytesWritten: {
    configurable: true,
    get() {
      const state = this._writableState;
      if (state === undefined) return undefined;
      let n = this._bytesDispatched;
      for (const entry of state.buffered ?? []) {
        const c = entry.chunk;
        n += typeof c === 'string' ? lazyBuffer().byteLength(c, entry.encoding) : c.length;
      }
      if (this._pendingData !== null) {
        n += typeof this._pendingData === 'string' ? lazyBuffer().byteLength(this._pendingData) : this._pendingData.length;
      }
      return n;
    },
  },
  remoteAddress: { configurable: true, get() { return this._peerInfo()?.address; } },
  remotePort: { configurable: true, get() { return this._peerInfo()?.port; } },
  remoteFamily: { configurable: true, get() { return this._peerInfo()?.family; } },
  localAddress: { configurable: true, get() { return this._localInfo()?.address; } },
  localPort: { configurable: true, get() { return this._localInfo()?.port; } },
  localFamily: { configurable: true, get() { return this._localInfo()?.family; } },
});

proto._peerInfo = function _peerInfo() {
  if (this._pipe) return undefined;
  if (this._peer === null && this._handle !== null && !this.connecting) {
    const a = binding.address(this._handle._id, true);
    if (a) this._peer = { address: a[0], port: a[1], family: a[2] };
  }
  return this._peer ?? undefined;
};
proto._localInfo = function _localInfo() {
  if (this._pipe) return undefined;
  if (this._local === null && this._handle !== null) {
    const a = binding.address(this._handle._id, false);
    if (a) this._local = { address: a[0], port: a[1], family: a[2] };
  }
  return this._local ?? undefined;
};
proto.address = function address() {
  const l = this._localInfo();
  return l ? { address: l.address, family: l.family, port: l.port } : {};
};

proto.connect = function connect(...args) {
  let options;
  let cb;
  if (Array.isArray(args[0]) && args[0][kNormalized]) [options, cb] = args[0];
  else [options, cb] = normalizeArgs(args);
  if (this.write !== proto.write) this.write = proto.write;
  if (this.destroyed) {
    // A new connection, counted from zero.
    this._handle = null;
    this._peer = null;
    this._local = null;
    this._bytesDispatched = 0;
    this.bytesRead = 0;
    this._closeQueued = false;
    this._readableState.reset?.();
    const r = this._readableState;
    r.ended = false; r.endEmitted = false; r.reading = false; r.closed = false; r.closeEmitted = false;
    r.destroyed = false; r.errored = null; r.errorEmitted = false; r.constructed = true;
    const w = this._writableState;
    w.ended = false; w.ending = false; w.finished = false; w.closed = false; w.closeEmitted = false;
    w.destroyed = false; w.errored = null; w.errorEmitted = false; w.finalCalled = false;
    w.prefinished = false; w.pendingcb = 0; w.constructed = true;
    if (Array.isArray(w.buffered)) { w.buffered.length = 0; w.bufferedIndex = 0; }
    w.length = 0; w.writing = false; w.corked = 0;
  }
  if (options.path) {
    if (typeof options.path !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('options.path', 'string', options.path);
    if (typeof cb === 'function') this.once('connect', cb);
    if (options.timeout) this.setTimeout(options.timeout);
    this.connecting = true;
    this._pipe = true;
    this._connectPipe(options.path);
    return this;
  }
  if (options.port === undefined) throw new codes.ERR_MISSING_ARGS(['options', 'port', 'path']);
  if (typeof options.port !== 'number' && typeof options.port !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], options.port);
  }
  if (options.hints !== undefined && options.hints !== null && options.lookup == null) {
    validateInt32(options.hints, 'hints');
    const dns = require('dns');
    if ((options.hints & ~(dns.ADDRCONFIG | dns.V4MAPPED | dns.ALL)) !== 0) {
      throw new codes.ERR_INVALID_ARG_VALUE('hints', options.hints);
    }
  }
  if (options.host !== undefined && options.host !== null && typeof options.host !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.host', 'string', options.host);
  }
  if (options.localAddress !== undefined && options.localAddress !== null && !isIP(options.localAddress)) {
    throw new codes.ERR_INVALID_IP_ADDRESS(options.localAddress);
  }
  if (options.localPort !== undefined && options.localPort !== null && typeof options.localPort !== 'number') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.localPort', 'number', options.localPort);
  }
  if (options.family !== undefined && options.family !== null && ![0, 4, 6, 'IPv4', 'IPv6'].includes(options.family)) {
    throw new codes.ERR_INVALID_ARG_VALUE('options.family', options.family, 'must be one of: 0, 4, 6');
  }
  if (options.lookup !== undefined) validateFunction(options.lookup, 'options.lookup');
  if (options.blockList !== undefined && !BlockList.isBlockList(options.blockList)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.blockList', 'net.BlockList', options.blockList);
  }
  // Addresses it holds are refused as each connection attempt starts.
  this._blockList = options.blockList ?? null;
  // The local address and port connections are made from (bound first), if given.
  this._localAddress = options.localAddress ?? null;
  this._localPort = options.localPort ?? null;
  if (options.autoSelectFamily !== undefined) validateBoolean(options.autoSelectFamily, 'options.autoSelectFamily');
  if (options.autoSelectFamilyAttemptTimeout !== undefined) {
    validateInt32(options.autoSelectFamilyAttemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1);
  }
  const host = options.host === undefined || options.host === null ? 'localhost' : `${options.host}`;
  const port = validatePort(options.port, 'Port');
  if (typeof cb === 'function') this.once('connect', cb);
  if (options.timeout) this.setTimeout(options.timeout);
  if (options.noDelay) this._noDelay = true;
  if (options.keepAlive) {
    this._keepAlive = true;
    this._keepAliveDelay = Math.max(0, ~~((options.keepAliveInitialDelay ?? 0) / 1000));
  }
  // The handle exists from here (a connection attempt uses it once the address is known).
  if (this._handle === null) this._handle = new TCP();
  this.connecting = true;
  this._host = host;
  if (isIP(host)) {
    binding.check(host, port);
    process.nextTick(() => {
      if (!this.connecting) return;
      this._connectTo(host, port);
    });
    return this;
  }
  const family = options.family === 'IPv6' ? 6 : options.family === 'IPv4' ? 4 : (options.family | 0);
  const lookup = options.lookup ?? require('dns').lookup;
  // Happy eyeballs: every address of both families, tried in turn (unless a family or a local
  // address is asked for).
  const all = (options.autoSelectFamily ?? autoSelectFamily) && family === 0 && !options.localAddress;
  let attemptTimeout = options.autoSelectFamilyAttemptTimeout ?? autoSelectFamilyAttemptTimeout;
  if (attemptTimeout < 10) attemptTimeout = 10;
  const dnsOpts = all ? { family: undefined, hints: options.hints ?? 0, all: true } : { family, hints: options.hints ?? 0 };
  // Whether the address is usable, else the socket is destroyed with why.
  const usable = (address, fam) => {
    if (!isIP(address)) {
      this.destroy(new codes.ERR_INVALID_IP_ADDRESS(address));
      return false;
    }
    if (fam !== undefined && fam !== 4 && fam !== 6) {
      const e = new codes.ERR_INVALID_ADDRESS_FAMILY(fam, host, port);
      e.host = host;
      e.port = port;
      this.destroy(e);
      return false;
    }
    try {
      binding.check(address, port);
    } catch (e) {
      this.destroy(e);
      return false;
    }
    return true;
  };
  const done = (err, address, fam) => {
    if (err) {
      this.emit('lookup', err, undefined, undefined, host);
      if (this.connecting) this.destroy(err);
      return;
    }
    if (!Array.isArray(address)) address = [{ address, family: fam }];
    for (const a of address) this.emit('lookup', null, a.address, a.family, host);
    if (!this.connecting) return;
    if (address.length === 0) {
      this.destroy(new codes.ERR_INVALID_IP_ADDRESS(undefined));
      return;
    }
    if (!all || address.length === 1) {
      const first = address[0];
      if (usable(first.address, first.family)) this._connectTo(first.address, port);
      return;
    }
    for (const a of address) if (!usable(a.address, a.family)) return;
    // The families alternate, the first answer's family first.
    const firstV6 = isIPv6(address[0].address);
    const same = address.filter((a) => isIPv6(a.address) === firstV6);
    const other = address.filter((a) => isIPv6(a.address) !== firstV6);
    const order = [];
    for (let i = 0; i < Math.max(same.length, other.length); i++) {
      if (i < same.length) order.push(same[i].address);
      if (i < other.length) order.push(other[i].address);
    }
    this.autoSelectFamilyAttemptedAddresses = [];
    this._attempts = { order, next: 0, port, timeout: attemptTimeout, errors: [], timer: null };
    this._nextAttempt();
  };
  // A lookup answers on a later tick, even a synchronous one of the program's own.
  process.nextTick(() => {
    try {
      lookup(host, dnsOpts, done);
    } catch (err) {
      process.nextTick(() => this.destroy(err));
    }
  });
  return this;
};

// Tries the next of several addresses: each but the last has the attempt timeout to connect.
proto._nextAttempt = function _nextAttempt() {
  const at = this._attempts;
  const ip = at.order[at.next++];
  this.autoSelectFamilyAttemptedAddresses.push(`${ip}:${at.port}`);
  if (at.next < at.order.length) {
    at.timer = setTimeout(() => {
      at.timer = null;
      if (!this.connecting || this._attempts !== at) return;
      this.emit('connectionAttemptTimeout', ip, at.port, isIPv6(ip) ? 6 : 4);
      at.errors.push(new codes.ERR_SOCKET_CONNECTION_TIMEOUT());
      this._dropHandle();
      this._nextAttempt();
    }, at.timeout);
    if (!this._refed) at.timer.unref();
  }
  this._connectTo(ip, at.port);
};

// A connection attempt failed: the next address, else the error (all of them, for several).
proto._attemptFailed = function _attemptFailed(err) {
  const { ip, port } = this._connectAddress;
  this.emit('connectionAttemptFailed', ip, port, isIPv6(ip) ? 6 : 4, err);
  const at = this._attempts;
  if (at === undefined || at === null) {
    this.destroy(err);
    return;
  }
  if (at.timer !== null) {
    clearTimeout(at.timer);
    at.timer = null;
  }
  at.errors.push(err);
  if (at.next < at.order.length) {
    this._dropHandle();
    this._nextAttempt();
    return;
  }
  this._attempts = null;
  const agg = new AggregateError(at.errors);
  // The first attempt's code, as Node gives it.
  agg.code = at.errors[0].code;
  this.destroy(agg);
};

// Gives up the handle of a failed or abandoned connection attempt.
proto._dropHandle = function _dropHandle() {
  if (this._handle === null) return;
  this._handle.close();
  this._handle = null;
  this._watching = 0;
};

proto._connectTo = function _connectTo(ip, port) {
  if (!this.connecting || this.destroyed) return;
  // The handle connect() made, for the first attempt; a new one for each next.
  if (this._handle === null || this._handle._used || this._handle._closed) this._handle = new TCP();
  const handle = this._handle;
  handle._used = true;
  this._connectAddress = { ip, port };
  if (this._blockList !== null && this._blockList.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4')) {
    this._attemptFailed(new codes.ERR_IP_BLOCKED(ip));
    return;
  }
  this.emit('connectionAttempt', ip, port, isIPv6(ip) ? 6 : 4);
  try {
    if (this._localAddress === null && !this._localPort) binding.connect(handle._id, ip, port);
    else {
      const local = this._localAddress ?? (isIPv6(ip) ? '::' : '0.0.0.0');
      binding.connect(handle._id, ip, port, local, this._localPort ?? 0);
    }
  } catch (err) {
    this._attemptFailed(err);
    return;
  }
  this._attach(handle);
  this._update();
};

// Connects to a Unix-domain socket. The OS answers at once; as in Node, 'connect' or the error
// follows from the loop (a path too long for a socket address fails at once).
proto._connectPipe = function _connectPipe(path) {
  if (!(this._handle instanceof Pipe) || this._handle._closed) this._handle = new Pipe();
  const handle = this._handle;
  try {
    binding.connectUnix(handle._id, path);
  } catch (err) {
    handle.close();
    this._handle = null;
    if (err.code === 'ERR_ACCESS_DENIED') {
      this.connecting = false;
      throw err;
    }
    if (err.code === 'EINVAL') {
      err.message += ' - Local (undefined:undefined)';
      this.destroy(err);
      return;
    }
    const imm = setImmediate(() => {
      if (this.connecting) this.destroy(err);
    });
    if (!this._refed) imm.unref();
    return;
  }
  this._attach(handle);
  this._update();
};

proto._attach = function _attach(handle) {
  this._handle = handle;
  handle.owner = this;
  loop.registerHandle(handle._id, (event) => this._onReady(event[2]));
  this._loopRef = true;
  this._syncRef();
};

// As a libuv stream, a socket keeps the process alive only while it is active: connecting,
// reading or writing (and not unref()ed). A paused or finished socket lets the process end.
proto._syncRef = function _syncRef() {
  if (this._handle === null) return;
  const want = this._refed && (this.connecting || this._watching !== 0);
  if (want === this._loopRef) return;
  this._loopRef = want;
  if (want) this._handle.ref();
  else this._handle.unref();
};

// The handle's readiness, as the loop's poll reports it.
proto._onReady = function _onReady(bits) {
  if (this._handle === null) return;
  if (this.connecting) {
    if (!(bits & (WRITABLE | CLOSED))) return;
    const peer = this._pipe ? [] : binding.address(this._handle._id, true);
    if (!peer) {
      // Not connected: reading tells why.
      let err;
      try { binding.recv(this._handle._id, 1); } catch (e) { err = e; }
      if (err === undefined) return;
      const { ip, port } = this._connectAddress;
      err.message = `connect ${err.code} ${ip}:${port}`;
      err.syscall = 'connect';
      err.address = ip;
      err.port = port;
      this._attemptFailed(err);
      return;
    }
    this._afterConnect();
    if (this._handle === null) return;
  }
  if ((bits & WRITABLE) && this._writeReq !== null) this._flush();
  if (this._reading && (bits & (READABLE | CLOSED))) this._readNow();
  this._update();
};

proto._afterConnect = function _afterConnect() {
  this.connecting = false;
  if (this._attempts) {
    if (this._attempts.timer !== null) clearTimeout(this._attempts.timer);
    this._attempts = null;
  }
  if (this._noDelay) this._handle.setNoDelay(true);
  if (this._keepAlive) this._handle.setKeepAlive(true, this._keepAliveDelay);
  if (this._tos !== undefined && !this._pipe) {
    try {
      binding.tos(this._handle._id, this._tos);
    } catch (err) {
      this.destroy(err);
      return;
    }
  }
  this._touch();
  this.emit('connect');
  this.emit('ready');
  if (this._handle === null) return;
  if (this._pendingData !== null) {
    const { data, encoding, cb } = this._pendingWrite;
    this._pendingData = null;
    this._pendingWrite = null;
    this._writeGeneric(data, encoding, cb);
  }
  if (this.readable && !this.isPaused()) this.read(0);
  else if (this._readableState.flowing === null && !this._readableState.ended) this.read(0);
};

// Reads what has arrived while the reader wants it.
proto._readNow = function _readNow() {
  while (this._handle !== null && this._reading) {
    // With `onread`, each read goes into its buffer (or the one its function gives).
    const into = this._onread === null ? null
      : typeof this._onread.buffer === 'function' ? this._onread.buffer() : this._onread.buffer;
    let chunk;
    try {
      chunk = binding.recv(this._handle._id, into === null ? kReadSize : into.length);
    } catch (err) {
      this.destroy(err);
      return;
    }
    if (chunk === null || chunk === undefined) return;
    if (chunk.length === 0) {
      this._reading = false;
      this.push(null);
      // With nothing buffered, 'end' follows even for a socket nobody reads.
      this.read(0);
      return;
    }
    this.bytesRead += chunk.length;
    this._touch();
    if (into !== null) {
      into.set(chunk);
      // Returning false pauses the socket.
      if (this._onread.callback.call(this, chunk.length, into) === false) this.pause();
      // A short read: the rest (or the end) when the socket is next readable.
      if (chunk.length < into.length) return;
      continue;
    }
    const buf = lazyBuffer().from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (this._consumer !== null) {
      const events = this._events;
      if (events.data !== this._consumer || events.readable !== undefined) {
        // The program reads the socket too: from now on the consumer is one 'data' listener
        // among them.
        this._consumer = null;
      } else if (this._readableState.length === 0) {
        // (What the stream still holds goes first, through it.)
        this._consumer(buf);
        if (chunk.length < kReadSize) return;
        continue;
      }
    }
    if (!this.push(buf)) this._reading = false;
    // A short read took all there was: the poll reports more when it comes.
    if (chunk.length < kReadSize) return;
  }
};

proto._read = function _read() {
  if (this.connecting || this._handle === null) {
    if (this.connecting) this.once('connect', () => this._read());
    return;
  }
  this._reading = true;
  this._update();
};

// Sends what the current write still holds.
proto._flush = function _flush() {
  const req = this._writeReq;
  while (this._handle !== null && req !== null) {
    let n;
    try {
      if (this._handle._closed) throw errnoException(kEBADF, 'write');
      n = binding.send(this._handle._id, req.offset === 0 ? req.data : req.data.subarray(req.offset));
    } catch (err) {
      this._writeReq = null;
      req.cb(err);
      return;
    }
    if (n < 0) return;
    req.offset += n;
    if (n > 0) this._touch();
    if (req.offset >= req.data.length) {
      this._writeReq = null;
      req.cb();
      return;
    }
  }
};

// Asks the loop for the readiness this socket needs now.
proto._update = function _update() {
  if (this._handle === null) return;
  let bits = 0;
  if (this.connecting) bits = WRITABLE;
  else {
    if (this._reading) bits |= READABLE;
    if (this._writeReq !== null) bits |= WRITABLE;
  }
  if (bits !== this._watching) {
    this._watching = bits;
    try {
      binding.watch(this._handle._id, bits);
    } catch { /* closed under us: the next read or write reports it */ }
  }
  this._syncRef();
};

proto._writeGeneric = function _writeGeneric(data, encoding, cb) {
  if (this.connecting) {
    this._pendingData = data;
    this._pendingWrite = { data, encoding, cb };
    return;
  }
  if (this._handle === null) {
    cb(new codes.ERR_SOCKET_CLOSED());
    return;
  }
  const bytes = toBytes(data, encoding);
  this._bytesDispatched += bytes.length;
  this._writeReq = { data: bytes, offset: 0, cb };
  this._flush();
  this._update();
};

// Writes at once when nothing is queued before `data` and the socket is a plain, open
// net.Socket, without the Writable's bookkeeping; `cb` runs on the next tick, as after a
// Writable's write that completed at once. Anything else goes through write().
proto._writeNow = function _writeNow(data, encoding, cb) {
  const state = this._writableState;
  if (this._handle === null || this.connecting || this._writeReq !== null || state.length !== 0 ||
      state.corked !== 0 || state.writing || state.ending || state.destroyed || state.errored !== null ||
      this.write !== Duplex.prototype.write || Object.getPrototypeOf(this) !== proto ||
      (typeof data === 'string' ? encoding === 'buffer' : !(data instanceof Uint8Array))) {
    return this.write(data, encoding, cb);
  }
  let bytes;
  if (typeof data === 'string' && (!encoding || encoding === 'utf8' || encoding === 'utf-8') &&
      !this._handle._closed) {
    // A UTF-8 string goes without a Buffer made for it, unless only part of it went.
    let n;
    try {
      n = binding.sendString(this._handle._id, data);
    } catch (err) {
      state.errored = err;
      process.nextTick(writeNowFailed, this, err, cb);
      return false;
    }
    if (n >= 0) {
      this._bytesDispatched += n;
      if (n > 0) this._touch();
      if (typeof cb === 'function') process.nextTick(cb, null);
      return true;
    }
    bytes = lazyBuffer().from(data, 'utf8');
    this._bytesDispatched += bytes.length;
    this._writeReq = { data: bytes, offset: -1 - n, cb: null };
    if (n < -1) this._touch();
  } else {
    bytes = toBytes(data, encoding);
    this._bytesDispatched += bytes.length;
    this._writeReq = { data: bytes, offset: 0, cb: null };
  }
  let error = null;
  const req = this._writeReq;
  req.cb = (err) => { if (err) error = err; };
  this._flush();
  if (this._writeReq === null) {
    if (error !== null) {
      // As a failed write: the stream is errored now, the callback and the destroy follow.
      state.errored = error;
      process.nextTick(writeNowFailed, this, error, cb);
      return false;
    }
    if (typeof cb === 'function') process.nextTick(cb, null);
    return true;
  }
  // The rest waits for the socket: from here it is the Writable's write in progress.
  const { onwrite, ok } = Writable._adoptWrite(this, bytes.length, cb);
  req.cb = onwrite;
  this._update();
  return ok;
};

function writeNowFailed(socket, err, cb) {
  if (typeof cb === 'function') cb(err);
  socket.destroy(err);
}

proto._write = function _write(data, encoding, cb) {
  this._writeGeneric(data, encoding, cb);
};

proto._writev = function _writev(chunks, cb) {
  const Buffer = lazyBuffer();
  const list = [];
  for (const { chunk, encoding } of chunks) list.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
  this._writeGeneric(list.length === 1 ? list[0] : Buffer.concat(list), 'buffer', cb);
};

proto._final = function _final(cb) {
  if (this.connecting) {
    this.once('connect', () => this._final(cb));
    return;
  }
  if (this._handle === null) {
    cb();
    return;
  }
  binding.shutdown(this._handle._id, 1);
  // As a shutdown request completes in Node: after this poll phase.
  setImmediate(cb);
};

proto._destroy = function _destroy(err, cb) {
  this.connecting = false;
  if (this._attempts) {
    if (this._attempts.timer !== null) clearTimeout(this._attempts.timer);
    this._attempts = null;
  }
  this._reading = false;
  this._clearTimer();
  this._writeReq = null;
  if (this._handle !== null) {
    // Addresses stay readable after the close, as in Node.
    this._peerInfo();
    this._localInfo();
    this._handle.close();
    this._handle = null;
  }
  const hadError = err !== undefined && err !== null;
  this._hadError = hadError;
  cb(err);
  // 'close' in the loop's close phase, once the handle is gone (after 'error').
  if (!this._closeQueued) {
    this._closeQueued = true;
    loop.queueClose(() => {
      // A write waiting for the connection fails with it.
      if (this._pendingWrite) {
        const { cb } = this._pendingWrite;
        this._pendingWrite = null;
        this._pendingData = null;
        cb(new codes.ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
      }
      this.emit('close', hadError);
      const server = this._server;
      if (server !== null) {
        this._server = null;
        server._connectionClosed();
      }
    });
  }
};

proto.destroySoon = function destroySoon() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

proto.resetAndDestroy = function resetAndDestroy() {
  if (this._handle !== null) {
    if (this.connecting) this.once('connect', () => this.destroy());
    else {
      binding.setOption(this._handle._id, 3, true);
      this.destroy();
    }
  } else {
    this.destroy(new codes.ERR_SOCKET_CLOSED());
  }
  return this;
};

proto.end = function end(data, encoding, cb) {
  Duplex.prototype.end.call(this, data, encoding, cb);
  return this;
};

proto.pause = function pause() {
  Duplex.prototype.pause.call(this);
  // Stop reading at once: nothing more comes off the socket while paused.
  if (!this.connecting && this._handle !== null && this._reading) {
    this._reading = false;
    // The read in progress is given up, so that the next read() asks again.
    this._readableState.reading = false;
    this._update();
  }
  return this;
};

// The IP type of service (IP_TOS / IPV6_TCLASS) of the connection: set before it is made, it is
// kept and set once it is.
proto.setTypeOfService = function setTypeOfService(tos) {
  if (typeof tos !== 'number' || Number.isNaN(tos)) throw new codes.ERR_INVALID_ARG_TYPE('tos', 'number', tos);
  validateInt32(tos, 'tos', 0, 255);
  if (this._handle === null || this.connecting || this._handle._closed) this._tos = tos;
  else binding.tos(this._handle._id, tos);
  return this;
};
proto.getTypeOfService = function getTypeOfService() {
  if (this._handle === null || this.connecting || this._handle._closed) return this._tos ?? 0;
  return binding.tos(this._handle._id, -1);
};

// Both change the handle only when the setting changes (before the connection: once it is made).
proto.setNoDelay = function setNoDelay(noDelay) {
  const on = noDelay === undefined ? true : !!noDelay;
  if (this._handle === null || this.connecting) this._noDelay = on;
  else if (on !== this._noDelay) {
    this._noDelay = on;
    this._handle.setNoDelay(on);
  }
  return this;
};
proto.setKeepAlive = function setKeepAlive(enable, initialDelay) {
  const on = !!enable;
  // Whole seconds, as the OS takes it.
  const delay = Math.max(0, ~~((initialDelay ?? 0) / 1000));
  if (this._handle === null || this.connecting) {
    this._keepAlive = on;
    this._keepAliveDelay = delay;
  } else if (on !== this._keepAlive || (on && delay !== this._keepAliveDelay)) {
    this._keepAlive = on;
    this._keepAliveDelay = delay;
    this._handle.setKeepAlive(on, delay);
  }
  return this;
};
proto.setTimeout = function setTimeout(ms, cb) {
  if (!(typeof ms === 'number' && ms >= 0 && ms <= 2 ** 31 - 1)) validateNumber(ms, 'msecs', 0, 2 ** 31 - 1);
  if (cb !== undefined) validateFunction(cb, 'callback');
  if (this.destroyed) return this;
  if (typeof cb === 'function') {
    if (ms === 0) this.removeListener('timeout', cb);
    else this.once('timeout', cb);
  }
  // A new duration is taken by the armed timer when _touch() refreshes it. Turned off, the timer
  // stays armed and does nothing when it comes due: an HTTP connection turns its keep-alive
  // timeout off and on again for every request, and that costs no timer of its own.
  if (ms !== this._timeout && ms > 0 && this._timer !== null) this._timer._idleTimeout = ms;
  this._timeout = ms;
  // A plain property, as in Node: what was last set (changing it changes no timer).
  this.timeout = ms;
  this._touch();
  return this;
};
proto._touch = function _touch() {
  // (The states rather than the `destroyed` getter: this runs on every read and write.)
  if (this._timeout <= 0 || (this._readableState.destroyed && this._writableState.destroyed)) return;
  if (this._timer !== null) {
    this._timer.refresh();
    return;
  }
  // The last timer cleared comes back when it can (an HTTP connection switches between its
  // keep-alive wait and none on every request).
  const spare = this._spareTimer;
  if (spare !== null) {
    this._spareTimer = null;
    if (loop.rearmTimer(spare, this._timeout)) {
      this._timer = spare;
      return;
    }
  }
  this._timer = setTimeout(() => {
    this._timer = null;
    if (this._timeout > 0) this.emit('timeout');
  }, this._timeout);
  this._timer.unref();
};
proto._unrefTimer = proto._touch;
proto._clearTimer = function _clearTimer() {
  if (this._timer !== null) {
    clearTimeout(this._timer);
    this._spareTimer = this._timer;
    this._timer = null;
  }
};

// Whether a socket or server keeps the process alive.
function ref() {
  this._refed = true;
  if (this._handle !== null) this._handle.ref();
  return this;
}
function unref() {
  this._refed = false;
  if (this._handle !== null) this._handle.unref();
  return this;
}
proto.ref = function ref() {
  this._refed = true;
  this._syncRef();
  return this;
};
proto.unref = function unref() {
  this._refed = false;
  this._syncRef();
  return this;
};

proto[Symbol.asyncDispose] = async function () {
  if (!this.destroyed) this.destroy();
};

const kNormalized = Symbol('normalizedArgs');

// connect()'s and createConnection()'s argument forms: (options[, cb]), (path[, cb]),
// (port[, host][, cb]).
function normalizeArgs(args) {
  let options = {};
  let arr;
  if (args.length === 0) {
    arr = [options, null];
    arr[kNormalized] = true;
    return arr;
  }
  const first = args[0];
  if (first !== null && typeof first === 'object') options = { ...first };
  else if (typeof first === 'string' && Number.isNaN(Number(first))) options.path = first;
  else {
    options.port = first;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  arr = [options, typeof cb === 'function' ? cb : null];
  arr[kNormalized] = true;
  return arr;
}

function connect(...args) {
  const normalized = normalizeArgs(args);
  const [options] = normalized;
  if (options.timeout !== undefined) validateNumber(options.timeout, 'timeout', 0, 2 ** 31 - 1);
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

// ---- Server --------------------------------------------------------------------------------

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  this.allowHalfOpen = options.allowHalfOpen === true;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = options.noDelay === true;
  this.keepAlive = options.keepAlive === true;
  if (options.blockList !== undefined && !BlockList.isBlockList(options.blockList)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.blockList', 'net.BlockList', options.blockList);
  }
  // Connections from addresses it holds are closed as they are accepted.
  this.blockList = options.blockList;
  if (options.keepAliveInitialDelay !== undefined) {
    validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay');
  }
  // Seconds, as a handle's setKeepAlive takes it.
  this.keepAliveInitialDelay = Math.max(0, ~~((options.keepAliveInitialDelay ?? 0) / 1000));
  this.highWaterMark = options.highWaterMark;
  this._handle = null;
  this._connections = 0;
  this._closing = false;
  this._refed = true;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._listeningId = 0;
  // The path a Unix-domain listener was made at, as given.
  this._pipeName = null;
  this._pipeHandle = null;
  this.maxConnections = undefined;
  Object.defineProperty(this, 'connections', {
    configurable: true, enumerable: false,
    get() { return this._connections; },
    set(v) { this._connections = v; },
  });
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

Object.defineProperty(Server.prototype, 'listening', {
  configurable: true, enumerable: true,
  get() { return this._handle !== null; },
});

Server.prototype.listen = function listen(...args) {
  let options = {};
  let cb;
  if (typeof args[args.length - 1] === 'function') cb = args.pop();
  const first = args[0];
  if (first !== null && typeof first === 'object') {
    options = { ...first };
    if (options.port === undefined && options.path === undefined && !('port' in first) && args.length === 1 &&
        (first._handle !== undefined || first.handle !== undefined ||
         (typeof first.fd === 'number' && first.fd >= 0))) {
      throw new codes.ERR_NOT_IMPLEMENTED('net.Server.listen(handle)');
    }
    if (!('port' in options) && !('path' in options)) {
      throw new codes.ERR_INVALID_ARG_VALUE('options', first,
        'must have the property "port" or "path"');
    }
  } else if (typeof first === 'string' && Number.isNaN(Number(first))) {
    options.path = first;
  } else {
    if (first !== undefined && first !== null) options.port = first;
    if (typeof args[1] === 'string' || args[1] === null) {
      options.host = args[1] ?? undefined;
      if (typeof args[2] === 'number') options.backlog = args[2];
    } else if (typeof args[1] === 'number') {
      options.backlog = args[1];
    }
  }
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  const portGiven = typeof options.port === 'number' || typeof options.port === 'string';
  const pipe = !portGiven && options.path !== undefined && options.path !== null;
  if (pipe && (typeof options.path !== 'string' || options.path === '')) {
    throw new codes.ERR_INVALID_ARG_VALUE('options', first, 'is invalid');
  }
  if (pipe && options.path[0] === '\0' && (options.readableAll || options.writableAll)) {
    // (Node's message, its typo included.)
    throw new codes.ERR_INVALID_ARG_VALUE('options', first,
      'can not set readableAll or writableAllt to true when path is abstract unix socket');
  }
  if (this._handle !== null) throw new codes.ERR_SERVER_ALREADY_LISTEN();
  let port = 0;
  if (options.port !== undefined && options.port !== null) {
    if (typeof options.port !== 'number' && typeof options.port !== 'string') {
      throw new codes.ERR_INVALID_ARG_VALUE('options', first, 'is invalid');
    }
    port = validatePort(options.port, 'options.port');
  }
  if (options.backlog !== undefined && options.backlog !== null) {
    validateInt32(Number.isFinite(options.backlog) ? Math.trunc(options.backlog) : options.backlog, 'options.backlog', 0);
  }
  if (typeof cb === 'function') this.once('listening', cb);
  const backlog = typeof options.backlog === 'number' ? options.backlog : 511;
  const host = options.host;
  if (options.signal) {
    const signal = options.signal;
    if (signal.aborted) {
      process.nextTick(() => this.close());
      return this;
    }
    const onAbort = () => this.close();
    signal.addEventListener('abort', onAbort, { once: true });
    this.once('close', () => signal.removeEventListener('abort', onAbort));
  }
  this._closing = false;
  const id = ++this._listeningId;
  // moat_abi's tcp_flags: IPv6 connections only; SO_REUSEPORT.
  this._listenFlags = (options.ipv6Only ? 2 : 0) | (options.reusePort ? 4 : 0);
  if (pipe) {
    this._listenPipe(options.path, backlog, options);
    return this;
  }
  if (host === undefined || host === null || host === '' || isIP(host)) {
    // With no host, every interface (IPv6 and IPv4), as Node does.
    const ip = host ? host : '::';
    try {
      binding.check(ip, port);
    } catch (err) {
      if (err.code === 'ERR_ACCESS_DENIED') throw err;
      process.nextTick(() => this.emit('error', err));
      return this;
    }
    this._bind(ip, port, backlog, host ? false : true);
    return this;
  }
  require('dns').lookup(host, (err, address) => {
    if (id !== this._listeningId) return;
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
    this._bind(address, port, backlog, false);
  });
  return this;
};

Server.prototype._bind = function _bind(ip, port, backlog, anyHost) {
  let handle = new TCP();
  // family:address:port as asked for (the port before the OS picks one).
  this._connectionKey = `${isIPv6(ip) ? 6 : 4}:${ip}:${port}`;
  try {
    binding.listen(handle._id, ip, port, backlog, this._listenFlags);
  } catch (err) {
    handle.close();
    // No IPv6 on this machine: every IPv4 interface instead.
    if (anyHost && (err.code === 'EAFNOSUPPORT' || err.code === 'EADDRNOTAVAIL')) {
      handle = new TCP();
      try {
        binding.listen(handle._id, '0.0.0.0', port, backlog, this._listenFlags & 4);
        this._connectionKey = `4:0.0.0.0:${port}`;
      } catch (err2) {
        handle.close();
        process.nextTick(() => this.emit('error', err2));
        return;
      }
    } else {
      process.nextTick(() => this.emit('error', err));
      return;
    }
  }
  this._listenOn(handle);
};

// Makes the socket file at `path` and listens there ('\0name': Linux's abstract namespace).
Server.prototype._listenPipe = function _listenPipe(path, backlog, options) {
  const handle = new Pipe();
  try {
    binding.listenUnix(handle._id, path, backlog);
  } catch (err) {
    handle.close();
    if (err.code === 'ERR_ACCESS_DENIED') throw err;
    process.nextTick(() => this.emit('error', err));
    return;
  }
  if (options.readableAll || options.writableAll) {
    // Readable and/or writable by everyone, and nothing else, as libuv sets it.
    try {
      let mode = 0;
      if (options.readableAll) mode |= 0o444;
      if (options.writableAll) mode |= 0o222;
      require('fs').chmodSync(path, mode);
    } catch (err) {
      handle.close();
      process.nextTick(() => this.emit('error', err));
      return;
    }
  }
  this._pipeName = path;
  this._pipeHandle = handle;
  this._connectionKey = `-1:${path}:-1`;
  this._listenOn(handle);
};

Server.prototype._listenOn = function _listenOn(handle) {
  this._handle = handle;
  if (handle !== this._pipeHandle) this._pipeName = null;
  handle.owner = this;
  handle.onconnection = onconnection;
  loop.registerHandle(handle._id, () => this._accept());
  if (!this._refed) handle.unref();
  binding.watch(handle._id, READABLE);
  process.nextTick(() => {
    if (this._handle === handle) this.emit('listening');
  });
};

// Takes every connection waiting, each to the listening handle's onconnection.
Server.prototype._accept = function _accept() {
  while (this._handle !== null) {
    const listener = this._handle;
    const client = listener instanceof Pipe ? new Pipe() : new TCP();
    let got;
    try {
      got = binding.accept(listener._id, client._id);
    } catch (err) {
      listener.onconnection(err);
      return;
    }
    if (!got) return;
    listener.onconnection(null, client);
  }
};

// A listening handle's onconnection: a Socket for the accepted handle, or 'drop' past
// maxConnections.
function onconnection(err, clientHandle) {
  const server = this.owner;
  if (err) {
    server.emit('error', err);
    return;
  }
  if (server.blockList) {
    const peer = {};
    clientHandle.getpeername(peer);
    if (isIP(peer.address) && server.blockList.check(peer.address, isIPv6(peer.address) ? 'ipv6' : 'ipv4')) {
      clientHandle.close();
      return;
    }
  }
  if (server.maxConnections !== undefined && server.maxConnections !== null &&
      server._connections >= server.maxConnections) {
    if (server.listenerCount('drop') > 0) {
      const local = {};
      const peer = {};
      clientHandle.getsockname(local);
      clientHandle.getpeername(peer);
      const data = {
        localAddress: local.address, localPort: local.port, localFamily: local.family,
        remoteAddress: peer.address, remotePort: peer.port, remoteFamily: peer.family,
      };
      clientHandle.close();
      server.emit('drop', data);
    } else {
      clientHandle.close();
    }
    return;
  }
  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: server.allowHalfOpen,
    pauseOnConnect: server.pauseOnConnect,
    highWaterMark: server.highWaterMark,
  });
  if (server.noDelay) {
    clientHandle.setNoDelay(true);
    socket._noDelay = true;
  }
  if (server.keepAlive) {
    clientHandle.setKeepAlive(true, server.keepAliveInitialDelay);
    socket._keepAlive = true;
    socket._keepAliveDelay = server.keepAliveInitialDelay;
  }
  socket._pipe = clientHandle instanceof Pipe;
  socket.server = server;
  socket._server = server;
  server._connections++;
  server.emit('connection', socket);
  if (!server.pauseOnConnect && !socket.destroyed && socket._readableState.flowing !== false) socket.read(0);
}

Server.prototype._connectionClosed = function _connectionClosed() {
  this._connections--;
  this._maybeClosed();
};

Server.prototype._maybeClosed = function _maybeClosed() {
  if (this._closing && this._handle === null && this._connections === 0) {
    this._closing = false;
    process.nextTick(() => this.emit('close'));
  }
};

Server.prototype.address = function address() {
  // A Unix-domain server's path stays its address once closed, as in Node.
  if (this._pipeName !== null) return this._pipeName;
  if (this._handle === null) return null;
  const out = {};
  const err = this._handle.getsockname(out);
  if (err) throw errnoException(err, 'address');
  return out;
};

Server.prototype.close = function close(cb) {
  if (typeof cb === 'function') {
    if (this._handle === null) {
      this.once('close', () => cb(new codes.ERR_SERVER_NOT_RUNNING()));
    } else {
      this.once('close', cb);
    }
  }
  this._listeningId++;
  if (this._handle !== null) {
    // A Unix-domain listener's file goes with it.
    this._handle.close();
    this._handle = null;
  }
  this._closing = true;
  this._maybeClosed();
  return this;
};

Server.prototype.getConnections = function getConnections(cb) {
  validateFunction(cb, 'callback');
  process.nextTick(cb, null, this._connections);
  return this;
};

Server.prototype[Symbol.asyncDispose] = function () {
  if (this._handle === null) return Promise.resolve();
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

// A rejected promise of an async 'connection' listener (with events.captureRejections)
// destroys that connection with the error; of any other listener, it is the server's 'error'.
Server.prototype[EventEmitter.captureRejectionSymbol] = function onRejection(err, event, socket) {
  if (event === 'connection') socket.destroy(err);
  else this.emit('error', err);
};

Server.prototype.ref = ref;
Server.prototype.unref = unref;

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

module.exports = {
  _normalizeArgs: normalizeArgs,
  isIP, isIPv4, isIPv6,
  getDefaultAutoSelectFamily: () => autoSelectFamily,
  setDefaultAutoSelectFamily(value) { validateBoolean(value, 'value'); autoSelectFamily = value; },
  getDefaultAutoSelectFamilyAttemptTimeout: () => autoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout(value) {
    validateInt32(value, 'value', 1);
    autoSelectFamilyAttemptTimeout = value < 10 ? 10 : value;
  },
  createServer,
  createConnection: connect,
  connect,
  Server,
  Socket,
  Stream: Socket,
  BlockList,
  SocketAddress,
};
