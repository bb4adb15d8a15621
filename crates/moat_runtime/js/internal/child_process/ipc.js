'use strict';
// The IPC channel between a parent and a forked child, shared by both ends: messages framed as
// JSON lines ('json') or as a 4-byte big-endian length and a structured clone ('advanced'), and
// the `send`/`disconnect`/`connected`/`channel` members Node puts on a ChildProcess and on a
// child's `process`.

const { codes } = require('internal/errors');
const b = internalBinding('child_process');
const loop = require('internal/loop');

const lazyBuffer = () => require('buffer').Buffer;

// Turns received bytes into messages.
class Decoder {
  constructor(advanced) {
    this.advanced = advanced;
    this.text = '';
    this.utf8 = null;
    this.pending = null;
  }
  push(bytes) {
    const Buffer = lazyBuffer();
    const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out = [];
    if (!this.advanced) {
      if (this.utf8 === null) {
        const { StringDecoder } = require('string_decoder');
        this.utf8 = new StringDecoder('utf8');
      }
      this.text += this.utf8.write(chunk);
      let nl;
      while ((nl = this.text.indexOf('\n')) !== -1) {
        const line = this.text.slice(0, nl);
        this.text = this.text.slice(nl + 1);
        if (line.length > 0) out.push(JSON.parse(line));
      }
      return out;
    }
    let buf = this.pending === null ? Buffer.from(chunk) : Buffer.concat([this.pending, chunk]);
    const v8 = require('v8');
    while (buf.length >= 4) {
      const size = buf.readUInt32BE(0);
      if (buf.length < 4 + size) break;
      out.push(v8.deserialize(buf.subarray(4, 4 + size)));
      buf = buf.subarray(4 + size);
    }
    this.pending = buf.length > 0 ? buf : null;
    return out;
  }
}

function encode(message, advanced) {
  const Buffer = lazyBuffer();
  if (!advanced) return Buffer.from(`${JSON.stringify(message)}\n`, 'utf8');
  const body = require('v8').serialize(message);
  const head = Buffer.allocUnsafe(4);
  head.writeUInt32BE(body.length, 0);
  return Buffer.concat([head, body]);
}

// The `channel` object: a handle on the pipe that can keep the loop alive or not.
class Channel {
  constructor(handle, fd, owner) {
    this.fd = fd;
    this._handle = handle;
    this._owner = owner;
  }
  ref() { if (this._owner._ipcHandle !== undefined) loop.refHandle(this._handle); }
  unref() { if (this._owner._ipcHandle !== undefined) loop.unrefHandle(this._handle); }
  get sockets() { return { got: {}, send: {} }; }
}

function isInternal(message) {
  return message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
    message.cmd.startsWith('NODE_');
}

// Puts the IPC members on `target` (a ChildProcess or `process`), over `handle`'s pipe `fd`.
// `registered`: whether `handle` is already in the loop (a child's) — then its data events come
// through `target._onIpcData`.
function setupChannel(target, handle, fd, advanced) {
  const decoder = new Decoder(advanced);
  target._ipcHandle = handle;
  target._ipcFd = fd;
  target.connected = true;
  target.channel = new Channel(handle, fd, target);
  Object.defineProperty(target, '_channel', { configurable: true, get() { return this.channel; } });

  target._onIpcData = (bytes) => {
    if (bytes.byteLength === 0) {
      if (target.connected) finishDisconnect(target);
      return;
    }
    let messages;
    try {
      messages = decoder.push(bytes);
    } catch (err) {
      target.emit('error', err);
      return;
    }
    // Each message in a tick of its own: a listener that throws loses none of the others.
    for (const m of messages) {
      if (isInternal(m)) process.nextTick(() => target.emit('internalMessage', m));
      else process.nextTick(() => target.emit('message', m, undefined));
    }
  };

  target.send = function send(message, handle_, options, callback) {
    if (typeof handle_ === 'function') { callback = handle_; handle_ = undefined; options = undefined; }
    else if (typeof options === 'function') { callback = options; options = undefined; }
    else if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    if (message === undefined) throw new codes.ERR_MISSING_ARGS('message');
    if (!advanced && typeof message !== 'string' && typeof message !== 'object' &&
        typeof message !== 'number' && typeof message !== 'boolean') {
      throw new codes.ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }
    if (handle_ !== undefined && handle_ !== null && (typeof handle_ !== 'object' || handle_._handle === undefined)) {
      throw new codes.ERR_INVALID_HANDLE_TYPE();
    }
    if (handle_ !== undefined && handle_ !== null) {
      throw new codes.ERR_NOT_IMPLEMENTED('Sending handles over IPC (subprocess.send with a sendHandle)');
    }
    if (!this.connected) {
      const err = new codes.ERR_IPC_CHANNEL_CLOSED();
      if (typeof callback === 'function') process.nextTick(callback, err);
      else process.nextTick(() => this.emit('error', err));
      return false;
    }
    let err = null;
    try {
      b.write(handle, fd, encode(message, advanced));
    } catch (e) {
      if (e instanceof TypeError || e instanceof RangeError || e.name === 'DataCloneError') throw e;
      err = e;
    }
    if (typeof callback === 'function') process.nextTick(callback, err);
    else if (err) process.nextTick(() => this.emit('error', err));
    return true;
  };

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', new codes.ERR_IPC_DISCONNECTED());
      return;
    }
    b.close(handle, fd);
    finishDisconnect(this);
  };
  return target;
}

function finishDisconnect(target) {
  target.connected = false;
  const onDone = target._onIpcClosed;
  process.nextTick(() => {
    target.emit('disconnect');
    if (typeof onDone === 'function') onDone();
  });
}

module.exports = { setupChannel, encode, Decoder };
