'use strict';
// MessageChannel, MessagePort and BroadcastChannel: within a thread a message is a structured
// clone of the value, delivered to the other port after the current turn's microtasks, before
// the loop's next phase, as node delivers them. A port linked to another thread (a worker's
// parentPort, a port moved there: internal/worker/thread) sends through its link instead.
// Ports are EventTargets with Node's emitter methods (`on('message', value => …)`).

const { codes } = require('internal/errors');
const { EventTarget, Event, MessageEvent } = require('internal/event_target');

const kOther = Symbol('kOther');
const kQueue = Symbol('kQueue');
const kStarted = Symbol('kStarted');
// The other thread closed the link while messages from it still waited here: they are
// delivered first, then the port closes.
const kPeerClosed = Symbol('kPeerClosed');
const kClosed = Symbol('kClosed');
const kWrapped = Symbol('kWrapped');
const kHandler = Symbol('kHandler');
// A port whose other end is in another thread: its link (see remotePort).
const kRemote = Symbol('kRemote');
const kRefed = Symbol('kRefed');
const kListeners = Symbol('kListeners');
let constructing = false;

// The MessagePorts a transfer list (an array, or `{ transfer }`) names.
function portsIn(transfer) {
  const list = Array.isArray(transfer) ? transfer : transfer?.transfer;
  if (list === null || typeof list !== 'object' || typeof list[Symbol.iterator] !== 'function') return [];
  return [...list].filter((item) => item instanceof MessagePort);
}

function clone(value, transfer) {
  const options = Array.isArray(transfer) ? { transfer } : transfer;
  const ports = portsIn(transfer);
  if (ports.length === 0) return structuredClone(value, options);
  // Within the thread a transferred port is the same port.
  const { cloneWithSubstitutes } = require('internal/structured_clone');
  return cloneWithSubstitutes(value, options, new Map(ports.map((p) => [p, p])));
}

function deliver(port) {
  if (!port[kStarted] || port[kClosed] || port[kQueue].length === 0) return;
  const queue = port[kQueue];
  port[kQueue] = [];
  for (const data of queue) {
    if (port[kClosed]) break;
    port.dispatchEvent(new MessageEvent('message', { data }));
  }
  if (port[kPeerClosed] && port[kQueue].length === 0) finishClose(port);
}

function schedule(port) {
  queueMicrotask(() => deliver(port));
}

class MessagePort extends EventTarget {
  constructor() {
    if (!constructing) throw new codes.ERR_CONSTRUCT_CALL_INVALID();
    super();
    this[kOther] = null;
    this[kQueue] = [];
    this[kStarted] = false;
    this[kClosed] = false;
    this[kHandler] = null;
    this[kRemote] = null;
    this[kRefed] = false;
  }

  postMessage(value, transfer) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('message');
    if (this[kRemote] !== null) {
      if (!this[kClosed] && !this[kPeerClosed]) this[kRemote].send(value, transfer);
      return;
    }
    const data = clone(value, transfer);
    const other = this[kOther];
    if (this[kClosed] || other === null || other[kClosed]) return;
    other[kQueue].push(data);
    schedule(other);
  }

  start() {
    if (this[kStarted]) return;
    this[kStarted] = true;
    if (this[kRemote] !== null) this.ref();
    schedule(this);
  }

  close() {
    if (this[kClosed]) return;
    if (this[kRemote] !== null) {
      this.unref();
      this[kRemote].close();
      this[kClosed] = true;
      this[kQueue] = [];
      setImmediate(() => this.dispatchEvent(new Event('close')));
      return;
    }
    const other = this[kOther];
    finishClose(this);
    if (other === null || other[kClosed]) return;
    // What this end posted before closing still reaches the other end, which closes after.
    if (other[kQueue].length > 0) other[kPeerClosed] = true;
    else finishClose(other);
  }

  // A remote port keeps its thread alive while it is started (listened to) and not unref'd.
  ref() {
    if (this[kRemote] !== null && !this[kRefed] && !this[kClosed] && !this[kPeerClosed]) {
      this[kRefed] = true;
      this[kRemote].ref();
    }
    return this;
  }
  unref() {
    if (this[kRemote] !== null && this[kRefed]) {
      this[kRefed] = false;
      this[kRemote].unref();
    }
    return this;
  }
  hasRef() { return this[kRefed]; }

  get onmessage() { return this[kHandler]; }
  set onmessage(fn) {
    if (this[kHandler]) this.removeEventListener('message', this[kHandler]);
    this[kHandler] = typeof fn === 'function' ? fn : null;
    if (this[kHandler]) {
      this.addEventListener('message', this[kHandler]);
      this.start();
    }
  }

  addEventListener(type, listener, options) {
    super.addEventListener(type, listener, options);
    if (type === 'message' && typeof listener === 'function') {
      this[kListeners] = (this[kListeners] ?? 0) + 1;
      this.start();
      // Listened to again after the last listener went: keeps its thread alive again.
      if (this[kListeners] === 1) this.ref();
    }
  }

  // With its last 'message' listener gone, a port no longer keeps its thread alive.
  removeEventListener(type, listener, options) {
    super.removeEventListener(type, listener, options);
    if (type === 'message' && typeof listener === 'function' && this[kListeners] > 0) {
      this[kListeners]--;
      if (this[kListeners] === 0) this.unref();
    }
  }

  // Node's emitter methods: 'message' listeners get the value itself.
  on(type, listener) {
    let wrapped = listener;
    if (type === 'message') {
      wrapped = (event) => listener.call(this, event.data);
      listener[kWrapped] = wrapped;
    } else {
      wrapped = () => listener.call(this);
      listener[kWrapped] = wrapped;
    }
    this.addEventListener(type, wrapped);
    return this;
  }
  addListener(type, listener) { return this.on(type, listener); }
  once(type, listener) {
    const once = (...args) => {
      this.off(type, once);
      return Reflect.apply(listener, this, args);
    };
    return this.on(type, once);
  }
  off(type, listener) {
    this.removeEventListener(type, listener[kWrapped] || listener);
    return this;
  }
  removeListener(type, listener) { return this.off(type, listener); }
  emit(type, value) {
    return this.dispatchEvent(type === 'message' ? new MessageEvent('message', { data: value }) : new Event(type));
  }
}

// A port for a link to another thread (a worker's parentPort): `remote` is
// `{ send(value, transfer), ref(), unref(), close() }`.
function remotePort(remote) {
  const port = newPort();
  port[kRemote] = remote;
  return port;
}

// Makes `port` (a new one, or one of this thread's channels) the end of a link to another
// thread; a started port keeps the loop alive through it from now on.
function setRemote(port, remote) {
  port[kOther] = null;
  port[kRemote] = remote;
  if (port[kStarted]) {
    port[kRefed] = false;
    port.ref();
  }
}

// Takes a port away from this thread (it is being moved to another): returns its partner
// here (null if it has none, or a link), the messages that wait in it, and its link; the port
// is left closed without a 'close' event, as a moved port is.
function takePort(port) {
  if (port[kClosed]) throw dataCloneError('MessagePort was found in message but not listed in transferList');
  const taken = { other: port[kOther], queue: port[kQueue], remote: port[kRemote] };
  port.unref();
  port[kOther] = null;
  port[kRemote] = null;
  port[kQueue] = [];
  port[kClosed] = true;
  return taken;
}

// The other thread closed the link `port` ends: it closes here too.
function closedRemotely(port) {
  if (port[kClosed]) return;
  port.unref();
  if (port[kQueue].length > 0) {
    port[kPeerClosed] = true;
    return;
  }
  finishClose(port);
}

function finishClose(port) {
  port[kClosed] = true;
  port[kQueue] = [];
  setImmediate(() => port.dispatchEvent(new Event('close')));
}

function dataCloneError(message) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, 'DataCloneError');
}

// A message for `port` from its other thread, delivered as a local one is.
function receiveRemote(port, data) {
  if (port[kClosed]) return;
  port[kQueue].push(data);
  schedule(port);
}

function newPort() {
  constructing = true;
  try {
    return new MessagePort();
  } finally {
    constructing = false;
  }
}

class MessageChannel {
  constructor() {
    this.port1 = newPort();
    this.port2 = newPort();
    this.port1[kOther] = this.port2;
    this.port2[kOther] = this.port1;
  }
}

// BroadcastChannel: every open channel of the same name in this thread but the sender.
const channels = new Map();

class BroadcastChannel extends EventTarget {
  #name;
  #closed = false;
  #handler = null;
  constructor(name) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    super();
    this.#name = `${name}`;
    let set = channels.get(this.#name);
    if (set === undefined) channels.set(this.#name, set = new Set());
    set.add(this);
  }
  get name() { return this.#name; }
  postMessage(message) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('message');
    if (this.#closed) {
      const { DOMException } = require('internal/dom_exception');
      throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    }
    const data = clone(message);
    for (const other of channels.get(this.#name) || []) {
      if (other === this) continue;
      queueMicrotask(() => {
        if (!other.#closed) other.dispatchEvent(new MessageEvent('message', { data: structuredClone(data) }));
      });
    }
  }
  close() {
    if (this.#closed) return;
    this.#closed = true;
    const set = channels.get(this.#name);
    if (set) {
      set.delete(this);
      if (set.size === 0) channels.delete(this.#name);
    }
  }
  get onmessage() { return this.#handler; }
  set onmessage(fn) {
    if (this.#handler) this.removeEventListener('message', this.#handler);
    this.#handler = typeof fn === 'function' ? fn : null;
    if (this.#handler) this.addEventListener('message', this.#handler);
  }
  ref() { return this; }
  unref() { return this; }
}

// The next message waiting on `port`, taken synchronously: `{ message }`, or undefined.
function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort)) {
    throw new codes.ERR_INVALID_ARG_TYPE('port', 'MessagePort', port);
  }
  if (port[kQueue].length === 0) return undefined;
  return { message: port[kQueue].shift() };
}

module.exports = {
  MessageChannel, MessagePort, BroadcastChannel, receiveMessageOnPort, remotePort, receiveRemote, setRemote, takePort,
  closedRemotely, portsIn, newPort,
};
