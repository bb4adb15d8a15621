'use strict';
// node:dgram — UDP sockets over the `net` binding's handles and the `udp` binding (binding with
// flags, connect, options, multicast); the host's sockets in the sandbox, checked there against
// --allow-net. Datagrams arrive through the event loop's poll, as socket readiness.

const EventEmitter = require('events');
const { codes } = require('internal/errors');
const {
  validateFunction, validateString, validateNumber, validateAbortSignal, validateUint32,
} = require('internal/validators');
const loop = require('internal/loop');
const binding = internalBinding('net');
const udp = internalBinding('udp');

const READABLE = 1;
const lazyBuffer = () => require('buffer').Buffer;
const { isIP, validatePort } = require('internal/net');

const REUSE_ADDR = 1;
const IPV6_ONLY = 2;
const REUSE_PORT = 4;
const OPT = { BROADCAST: 1, TTL: 2, MULTICAST_TTL: 3, MULTICAST_LOOP: 4, RECV_BUFFER: 5, SEND_BUFFER: 6 };
const MCAST = { ADD: 0, DROP: 1, ADD_SOURCE: 2, DROP_SOURCE: 3, INTERFACE: 4 };
// The largest UDP payload an IPv4 or IPv6 datagram carries.
const MAX_PAYLOAD = { udp4: 65507, udp6: 65527 };

const BUFFER_TYPES = ['Buffer', 'TypedArray', 'DataView', 'string'];

function uvError(syscall, code, errno, extra) {
  const err = new Error(`${syscall} ${code}${extra ? ` ${extra.address}${extra.port ? `:${extra.port}` : ''}` : ''}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  if (extra) {
    err.address = extra.address;
    if (extra.port) err.port = extra.port;
  }
  return err;
}

// ERR_SOCKET_BUFFER_SIZE: a SystemError naming the errno error `err` of a buffer size call.
function bufferSizeError(err) {
  const { SystemError } = require('internal/errors');
  const description = require('util').getSystemErrorMessage(err.errno);
  const e = new SystemError({ errno: err.errno, code: err.code, message: description, syscall: err.syscall });
  Object.defineProperty(e, 'code', { value: 'ERR_SOCKET_BUFFER_SIZE', enumerable: true, writable: true, configurable: true });
  e.message = `Could not get or set buffer size: ${err.syscall} returned ${err.code} (${description})`;
  if (typeof e.stack === 'string') e.stack = e.stack.replace(/^[^\n]*/, `${e.name} [${e.code}]: ${e.message}`);
  return e;
}

// One chunk of a message as bytes, or null when it is none.
function chunkOf(item) {
  const Buffer = lazyBuffer();
  if (typeof item === 'string') return Buffer.from(item);
  if (ArrayBuffer.isView(item)) return new Uint8Array(item.buffer, item.byteOffset, item.byteLength);
  return null;
}

function sliceOf(buffer, offset, length) {
  const Buffer = lazyBuffer();
  if (typeof buffer === 'string') buffer = Buffer.from(buffer);
  else if (!ArrayBuffer.isView(buffer)) throw new codes.ERR_INVALID_ARG_TYPE('buffer', BUFFER_TYPES, buffer);
  offset >>>= 0;
  length >>>= 0;
  if (offset > buffer.byteLength) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (offset + length > buffer.byteLength) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS('length');
  return new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length);
}

class Socket extends EventEmitter {
  constructor(type, listener) {
    super();
    let options = type;
    if (typeof type === 'string') options = { type };
    else if (type === null || typeof type !== 'object' || Array.isArray(type)) throw new codes.ERR_SOCKET_BAD_TYPE();
    if (options.type !== 'udp4' && options.type !== 'udp6') throw new codes.ERR_SOCKET_BAD_TYPE();
    if (options.recvBufferSize !== undefined) validateUint32(options.recvBufferSize, 'options.recvBufferSize');
    if (options.sendBufferSize !== undefined) validateUint32(options.sendBufferSize, 'options.sendBufferSize');
    if (options.lookup !== undefined) validateFunction(options.lookup, 'options.lookup');
    this.type = options.type;
    this._options = options;
    this._lookup = options.lookup;
    this._handle = null;
    this._bindState = 'unbound'; // 'binding', 'bound'
    this._connectState = 'disconnected'; // 'connecting', 'connected'
    this._remote = null;
    this._queue = []; // sends waiting for the bind
    this._refed = true;
    this._closed = false;
    this._sendBlockList = options.sendBlockList;
    this._receiveBlockList = options.receiveBlockList;
    if (typeof listener === 'function') this.on('message', listener);
    if (options.signal !== undefined) {
      validateAbortSignal(options.signal, 'options.signal');
      const { signal } = options;
      const onAbort = () => { if (!this._closed) this.close(); };
      if (signal.aborted) onAbort();
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
  }

  _resolve(address, callback) {
    // An address needs no lookup, but still answers after the current tick.
    if (isIP(address) && this._lookup === undefined) {
      process.nextTick(callback, null, address);
      return;
    }
    const lookup = this._lookup ?? require('dns').lookup;
    lookup(address, { family: this.type === 'udp4' ? 4 : 6 }, (err, ip) => callback(err, ip));
  }

  bind(port, address, callback) {
    let options;
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
    if (typeof callback === 'function') {
      this._bindCallback = callback;
      this.once('listening', callback);
    }
    this._bindState = 'binding';
    const host = options.address || (this.type === 'udp4' ? '0.0.0.0' : '::');
    const portNum = options.port === undefined || options.port === null ? 0 : validatePort(options.port, 'Port');
    this._resolve(host, (err, ip) => {
      if (this._closed) return;
      if (err) {
        this._bindFailed(err);
        return;
      }
      const handle = binding.newHandle();
      let flags = 0;
      if (this._options.reuseAddr) flags |= REUSE_ADDR;
      if (this._options.ipv6Only) flags |= IPV6_ONLY;
      if (this._options.reusePort) flags |= REUSE_PORT;
      try {
        udp.bind(handle, ip, portNum, flags);
      } catch (e) {
        this._bindFailed(e, true);
        return;
      }
      this._adopt(handle);
      if (this._options.recvBufferSize) udp.option(handle, OPT.RECV_BUFFER, this._options.recvBufferSize, 'uv_recv_buffer_size');
      if (this._options.sendBufferSize) udp.option(handle, OPT.SEND_BUFFER, this._options.sendBufferSize, 'uv_send_buffer_size');
      this.emit('listening');
      for (const send of this._queue.splice(0)) send();
    });
    return this;
  }

  _bindFailed(err, later) {
    this._bindState = 'unbound';
    if (this._bindCallback) {
      this.removeListener('listening', this._bindCallback);
      this._bindCallback = undefined;
    }
    this._queue.length = 0;
    if (later) process.nextTick(() => this.emit('error', err));
    else this.emit('error', err);
  }

  _adopt(handle) {
    this._handle = handle;
    this._bindState = 'bound';
    this._bindCallback = undefined;
    loop.registerHandle(handle, () => this._receive());
    if (!this._refed) loop.unrefHandle(handle);
    binding.watch(handle, READABLE);
  }

  // Binds at once to any address (as the system does for a socket used before it is bound).
  _bindNow() {
    if (this._bindState !== 'unbound') return;
    const handle = binding.newHandle();
    udp.bind(handle, this.type === 'udp4' ? '0.0.0.0' : '::', 0, 0);
    this._adopt(handle);
  }

  _receive() {
    while (this._handle !== null) {
      let got;
      try {
        got = binding.udpRecv(this._handle);
      } catch (err) {
        if (err.code === 'ECONNREFUSED') continue;
        this.emit('error', err);
        return;
      }
      if (got === null || got === undefined) return;
      const [bytes, address, port, family] = got;
      if (this._receiveBlockList && this._receiveBlockList.check(address, family === 'IPv4' ? 'ipv4' : 'ipv6')) continue;
      const Buffer = lazyBuffer();
      const msg = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
      this.emit('message', msg, { address, family, port, size: msg.length });
    }
  }

  connect(port, address, callback) {
    port = validatePort(port, 'Port', false);
    if (typeof address === 'function') {
      callback = address;
      address = '';
    } else if (address === undefined) {
      address = '';
    }
    validateString(address, 'address');
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    if (this._connectState !== 'disconnected') throw new codes.ERR_SOCKET_DGRAM_IS_CONNECTED();
    this._connectState = 'connecting';
    if (typeof callback === 'function') this.once('connect', callback);
    const go = () => {
      const host = address || (this.type === 'udp4' ? '127.0.0.1' : '::1');
      this._resolve(host, (err, ip) => {
        if (this._closed) return;
        if (!err && this._sendBlockList && this._sendBlockList.check(ip, this.type === 'udp4' ? 'ipv4' : 'ipv6')) {
          err = new codes.ERR_IP_BLOCKED(ip);
        }
        if (!err) {
          try {
            udp.connect(this._handle, ip, port);
          } catch (e) {
            err = e;
          }
        }
        if (err) {
          this._connectState = 'disconnected';
          process.nextTick(() => {
            if (typeof callback === 'function') {
              this.removeListener('connect', callback);
              callback(err);
            } else {
              this.emit('error', err);
            }
          });
          return;
        }
        this._connectState = 'connected';
        this._remote = { address: ip, family: this.type === 'udp4' ? 'IPv4' : 'IPv6', port };
        process.nextTick(() => this.emit('connect'));
      });
    };
    if (this._bindState === 'unbound') this.bind({ port: 0 });
    if (this._bindState === 'binding') this._queue.push(go);
    else go();
  }

  disconnect() {
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    if (this._connectState !== 'connected') throw new codes.ERR_SOCKET_DGRAM_NOT_CONNECTED();
    udp.disconnect(this._handle);
    this._connectState = 'disconnected';
    this._remote = null;
  }

  remoteAddress() {
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    if (this._connectState !== 'connected') throw new codes.ERR_SOCKET_DGRAM_NOT_CONNECTED();
    return { ...this._remote };
  }

  send(buffer, offset, length, port, address, callback) {
    const connected = this._connectState === 'connected';
    let list;
    if (!connected) {
      if (address || (port && typeof port !== 'function')) {
        buffer = sliceOf(buffer, offset, length);
      } else {
        callback = port;
        port = offset;
        address = length;
      }
    } else {
      if (typeof length === 'number') {
        buffer = sliceOf(buffer, offset, length);
        if (typeof port === 'function') {
          callback = port;
          port = null;
        }
      } else {
        callback = offset;
      }
      if (port || address) throw new codes.ERR_SOCKET_DGRAM_IS_CONNECTED();
    }
    if (Array.isArray(buffer)) {
      list = buffer.map(chunkOf);
      if (list.includes(null)) throw new codes.ERR_INVALID_ARG_TYPE('buffer list arguments', BUFFER_TYPES, buffer);
    } else {
      const one = chunkOf(buffer);
      if (one === null) throw new codes.ERR_INVALID_ARG_TYPE('buffer', BUFFER_TYPES, buffer);
      list = [one];
    }
    if (!connected) port = validatePort(port, 'Port', false);
    if (typeof callback !== 'function') callback = undefined;
    if (typeof address === 'function') {
      callback = address;
      address = undefined;
    } else if (address !== undefined && address !== null) {
      validateString(address, 'address');
    }
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    // The bytes as they are now: later changes to the caller's buffers do not reach the datagram.
    const data = lazyBuffer().concat(list);
    const go = () => this._sendNow(data, connected, port, address, callback);
    if (this._bindState === 'unbound') this.bind({ port: 0 });
    if (this._bindState === 'binding' || this._connectState === 'connecting') this._queue.push(go);
    else go();
  }

  _sendNow(data, connected, port, address, callback) {
    if (this._closed) return;
    const fail = (err) => {
      if (callback) process.nextTick(callback, err);
      else process.nextTick(() => this.emit('error', err));
    };
    const deliver = (ip, toPort) => {
      if (this._closed) return;
      if (this._sendBlockList && this._sendBlockList.check(ip, this.type === 'udp4' ? 'ipv4' : 'ipv6')) {
        fail(new codes.ERR_IP_BLOCKED(ip));
        return;
      }
      if (data.length > MAX_PAYLOAD[this.type]) {
        fail(uvError('send', 'EMSGSIZE', -90, { address: ip, port: toPort }));
        return;
      }
      let n;
      try {
        n = connected ? udp.send(this._handle, data) : binding.udpSend(this._handle, data, ip, toPort);
      } catch (e) {
        fail(e);
        return;
      }
      if (callback) process.nextTick(callback, null, n < 0 ? 0 : n);
    };
    if (connected) {
      deliver(this._remote.address, this._remote.port);
      return;
    }
    const host = address || (this.type === 'udp4' ? '127.0.0.1' : '::1');
    this._resolve(host, (err, ip) => {
      if (err) fail(err);
      else deliver(ip, port);
    });
  }

  sendto(buffer, offset, length, port, address, callback) {
    validateNumber(offset, 'offset');
    validateNumber(length, 'length');
    validateNumber(port, 'port');
    validateString(address, 'address');
    this.send(buffer, offset, length, port, address, callback);
  }

  address() {
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    if (this._handle === null) throw uvError('getsockname', 'EBADF', -9);
    const a = binding.address(this._handle, false);
    return { address: a[0], family: a[2], port: a[1] };
  }

  close(callback) {
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    if (typeof callback === 'function') this.once('close', callback);
    this._closed = true;
    this._queue.length = 0;
    if (this._handle !== null) {
      loop.unregisterHandle(this._handle);
      binding.close(this._handle);
      this._handle = null;
    }
    process.nextTick(() => this.emit('close'));
    return this;
  }

  [Symbol.asyncDispose]() {
    if (this._closed) return Promise.resolve();
    return new Promise((resolve) => this.close(resolve));
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

  // The handle for an option call: not running once closed, EBADF while unbound.
  _optionHandle(syscall) {
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    if (this._handle === null) throw uvError(syscall, 'EBADF', -9);
    return this._handle;
  }

  setBroadcast(flag) {
    udp.option(this._optionHandle('setBroadcast'), OPT.BROADCAST, flag ? 1 : 0, 'setBroadcast');
  }

  setTTL(ttl) {
    validateNumber(ttl, 'ttl');
    udp.option(this._optionHandle('setTTL'), OPT.TTL, ttl, 'setTTL');
    return ttl;
  }

  setMulticastTTL(ttl) {
    validateNumber(ttl, 'ttl');
    udp.option(this._optionHandle('setMulticastTTL'), OPT.MULTICAST_TTL, ttl, 'setMulticastTTL');
    return ttl;
  }

  setMulticastLoopback(flag) {
    udp.option(this._optionHandle('setMulticastLoopback'), OPT.MULTICAST_LOOP, flag ? 1 : 0, 'setMulticastLoopback');
    return flag;
  }

  setMulticastInterface(interfaceAddress) {
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    validateString(interfaceAddress, 'interfaceAddress');
    udp.multicast(this._optionHandle('setMulticastInterface'), MCAST.INTERFACE, interfaceAddress, '', 'setMulticastInterface');
  }

  _membership(op, syscall, group, other) {
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    if (!isIP(group) || (other && !isIP(other.split('%')[0]))) throw uvError(syscall, 'EINVAL', -22);
    this._bindNow();
    udp.multicast(this._handle, op, group, other || '', syscall);
  }

  addMembership(multicastAddress, interfaceAddress) {
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    if (!multicastAddress) throw new codes.ERR_MISSING_ARGS('multicastAddress');
    this._membership(MCAST.ADD, 'addMembership', multicastAddress, interfaceAddress);
  }

  dropMembership(multicastAddress, interfaceAddress) {
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    if (!multicastAddress) throw new codes.ERR_MISSING_ARGS('multicastAddress');
    this._membership(MCAST.DROP, 'dropMembership', multicastAddress, interfaceAddress);
  }

  addSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress) {
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    validateString(sourceAddress, 'sourceAddress');
    validateString(groupAddress, 'groupAddress');
    if (!isIP(sourceAddress)) throw uvError('addSourceSpecificMembership', 'EINVAL', -22);
    this._membership(MCAST.ADD_SOURCE, 'addSourceSpecificMembership', groupAddress, sourceAddress);
  }

  dropSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress) {
    if (this._closed) throw new codes.ERR_SOCKET_DGRAM_NOT_RUNNING();
    validateString(sourceAddress, 'sourceAddress');
    validateString(groupAddress, 'groupAddress');
    if (!isIP(sourceAddress)) throw uvError('dropSourceSpecificMembership', 'EINVAL', -22);
    this._membership(MCAST.DROP_SOURCE, 'dropSourceSpecificMembership', groupAddress, sourceAddress);
  }

  _bufferSize(option, size, name) {
    if (this._closed || this._handle === null) throw bufferSizeError(uvError(name, 'EBADF', -9));
    try {
      return udp.option(this._handle, option, size, name);
    } catch (e) {
      throw bufferSizeError(e);
    }
  }

  setRecvBufferSize(size) {
    validateUint32(size, 'size', true);
    this._bufferSize(OPT.RECV_BUFFER, size, 'uv_recv_buffer_size');
  }

  setSendBufferSize(size) {
    validateUint32(size, 'size', true);
    this._bufferSize(OPT.SEND_BUFFER, size, 'uv_send_buffer_size');
  }

  getRecvBufferSize() {
    return this._bufferSize(OPT.RECV_BUFFER, 0, 'uv_recv_buffer_size');
  }

  getSendBufferSize() {
    return this._bufferSize(OPT.SEND_BUFFER, 0, 'uv_send_buffer_size');
  }

  getSendQueueSize() {
    return 0;
  }

  getSendQueueCount() {
    return this._queue.length;
  }
}

function createSocket(type, listener) {
  return new Socket(type, listener);
}

module.exports = { createSocket, Socket };
