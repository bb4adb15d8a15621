'use strict';
// node:dgram — UDP sockets over the `net` binding (the host's sockets in the sandbox, checked
// there against --allow-net). Datagrams arrive through the event loop's poll, as socket
// readiness.

const EventEmitter = require('events');
const { codes, thrower } = require('internal/errors');
const { validateFunction } = require('internal/validators');
const loop = require('internal/loop');
const binding = internalBinding('net');

const READABLE = 1;
const lazyBuffer = () => require('buffer').Buffer;
const { isIP, validatePort } = require('internal/net');

function toBuffer(msg) {
  const Buffer = lazyBuffer();
  if (typeof msg === 'string') return Buffer.from(msg);
  if (Array.isArray(msg)) return Buffer.concat(msg.map(toBuffer));
  if (msg instanceof Uint8Array) return msg;
  if (ArrayBuffer.isView(msg)) return new Uint8Array(msg.buffer, msg.byteOffset, msg.byteLength);
  throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'], msg);
}


class Socket extends EventEmitter {
  constructor(type, listener) {
    super();
    const options = typeof type === 'object' && type !== null ? type : { type };
    if (options.type !== 'udp4' && options.type !== 'udp6') throw new codes.ERR_SOCKET_BAD_TYPE();
    this.type = options.type;
    this._handle = null;
    this._bindState = 'unbound'; // 'binding', 'bound'
    this._queue = []; // sends waiting for an implicit bind
    this._refed = true;
    this._closed = false;
    if (typeof listener === 'function') this.on('message', listener);
  }

  bind(port, address, callback) {
    let options = {};
    if (port !== null && typeof port === 'object') {
      options = port;
      callback = address;
    } else {
      if (typeof port === 'function') { callback = port; port = undefined; }
      if (typeof address === 'function') { callback = address; address = undefined; }
      options = { port, address };
    }
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    if (this._bindState !== 'unbound') throw new codes.ERR_SOCKET_ALREADY_BOUND();
    if (typeof callback === 'function') this.once('listening', callback);
    this._bindState = 'binding';
    const host = options.address ?? (this.type === 'udp4' ? '0.0.0.0' : '::');
    const portNum = options.port === undefined || options.port === null ? 0 : options.port | 0;
    const finish = (ip) => {
      const handle = binding.newHandle();
      try {
        binding.udpBind(handle, ip, portNum);
      } catch (err) {
        this._bindState = 'unbound';
        process.nextTick(() => this.emit('error', err));
        return;
      }
      this._handle = handle;
      this._bindState = 'bound';
      loop.registerHandle(handle, () => this._receive());
      if (!this._refed) loop.unrefHandle(handle);
      binding.watch(handle, READABLE);
      process.nextTick(() => {
        this.emit('listening');
        for (const send of this._queue.splice(0)) send();
      });
    };
    if (isIP(host)) {
      binding.check(host, portNum);
      finish(host);
    } else {
      require('dns').lookup(host, { family: this.type === 'udp4' ? 4 : 6 }, (err, ip) => {
        if (err) {
          this._bindState = 'unbound';
          this.emit('error', err);
          return;
        }
        finish(ip);
      });
    }
    return this;
  }

  _receive() {
    while (this._handle !== null) {
      let got;
      try {
        got = binding.udpRecv(this._handle);
      } catch (err) {
        this.emit('error', err);
        return;
      }
      if (got === null || got === undefined) return;
      const [bytes, address, port, family] = got;
      const Buffer = lazyBuffer();
      const msg = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
      this.emit('message', msg, { address, family, port, size: msg.length });
    }
  }

  send(msg, ...args) {
    let offset;
    let length;
    if (typeof args[0] === 'number' && typeof args[1] === 'number' && args.length >= 3 &&
        (typeof args[2] === 'number' || typeof args[2] === 'string')) {
      [offset, length] = args.splice(0, 2);
    }
    const [port, address, callback] = args.length > 0 && typeof args[args.length - 1] === 'function' ?
      [args[0], typeof args[1] === 'string' ? args[1] : undefined, args[args.length - 1]] :
      [args[0], args[1], undefined];
    if (port === undefined) throw new codes.ERR_MISSING_ARGS('port');
    const p = validatePort(port, 'Port', false);
    let data = toBuffer(msg);
    if (offset !== undefined) data = data.subarray(offset, offset + length);
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    const go = () => this._sendTo(data, p, address ?? (this.type === 'udp4' ? '127.0.0.1' : '::1'), callback);
    if (this._bindState === 'unbound') this.bind(0);
    if (this._bindState === 'binding') this._queue.push(go);
    else go();
  }

  _sendTo(data, port, address, callback) {
    const deliver = (ip) => {
      let err = null;
      let n = 0;
      try {
        n = binding.udpSend(this._handle, data, ip, port);
        if (n < 0) n = 0;
      } catch (e) {
        err = e;
      }
      if (typeof callback === 'function') process.nextTick(callback, err, n);
      else if (err !== null) process.nextTick(() => this.emit('error', err));
    };
    if (isIP(address)) deliver(address);
    else {
      require('dns').lookup(address, { family: this.type === 'udp4' ? 4 : 6 }, (err, ip) => {
        if (err) {
          if (typeof callback === 'function') callback(err);
          else this.emit('error', err);
          return;
        }
        deliver(ip);
      });
    }
  }

  address() {
    if (this._handle === null) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    const a = binding.address(this._handle, false);
    return { address: a[0], family: a[2], port: a[1] };
  }

  close(callback) {
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    if (typeof callback === 'function') {
      validateFunction(callback, 'callback');
      this.once('close', callback);
    }
    this._closed = true;
    if (this._handle !== null) {
      loop.unregisterHandle(this._handle);
      binding.close(this._handle);
      this._handle = null;
    }
    process.nextTick(() => this.emit('close'));
    return this;
  }

  ref() {
    this._refed = true;
    if (this._handle !== null) loop.refHandle(this._handle);
    return this;
  }

  unref() {
    this._refed = false;
    if (this._handle !== null) loop.unrefHandle(this._handle);
    return this;
  }
}
for (const name of ['connect', 'disconnect', 'remoteAddress', 'setBroadcast', 'setTTL', 'setMulticastTTL',
  'setMulticastLoopback', 'setMulticastInterface', 'addMembership', 'dropMembership',
  'addSourceSpecificMembership', 'dropSourceSpecificMembership', 'setRecvBufferSize', 'setSendBufferSize',
  'getRecvBufferSize', 'getSendBufferSize', 'getSendQueueSize', 'getSendQueueCount']) {
  Socket.prototype[name] = thrower(`dgram.Socket.${name}`);
}

function createSocket(type, listener) {
  return new Socket(type, listener);
}

module.exports = { createSocket, Socket };
