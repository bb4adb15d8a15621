'use strict';
// Worker threads: the Worker class, and a worker's own side (parentPort, workerData, the
// process it sees). Each worker runs in an engine of its own — natively on a thread, under
// --safe in a sandbox instance the host starts with the same grants — and the two share
// nothing but messages: structured clones, serialised to bytes (v8.serialize) with a kind byte
// in front (the Rust half: src/modules/worker.rs).

const binding = internalBinding('worker');
const EventEmitter = require('events');
const { codes } = require('internal/errors');
const loop = require('internal/loop');
const messaging = require('internal/worker/messaging');
const { cloneForThread } = require('internal/structured_clone');

const kMessage = 0;
const kError = 1;
const kOnline = 2;
// The worker's output: then its fd (1 or 2) and the bytes (src/modules/worker.rs writes these).
const kStdio = 3;
// A message that moves MessagePorts (see encodeMessage).
const kMessageWithPorts = 4;

// Output a worker sent where no stream takes it: the parent's own.
function writeOwn(bytes) {
  internalBinding('process').writeStdio(bytes[1] === 2 ? 2 : 1, bytes.subarray(2));
}

const v8 = () => require('v8');

function encode(kind, value) {
  const body = v8().serialize(value);
  const out = new Uint8Array(body.length + 1);
  out[0] = kind;
  out.set(body, 1);
  return out;
}

function decode(bytes) {
  return v8().deserialize(bytes.subarray(1));
}

// A message as it crosses: a structured clone (with the transfers done), then bytes. The
// MessagePorts it moves become markers `{ [kPortMarker]: i }` and travel as channel ends
// (`[id, side]`), which the receiving thread turns back into ports.
const kPortMarker = '\u0000moat.port';

function encodeMessage(value, transfer) {
  const options = Array.isArray(transfer) ? { transfer } : transfer;
  const ports = messaging.portsIn(transfer);
  if (ports.length === 0) return encode(kMessage, cloneForThread(value, options));
  if (new Set(ports).size !== ports.length) throw dataCloneError('Transfer list contains duplicate MessagePort');
  const substitutes = new Map(ports.map((p, i) => [p, { [kPortMarker]: i }]));
  const cloned = cloneForThread(value, options, substitutes);
  return encode(kMessageWithPorts, { value: cloned, ports: ports.map(sendPort) });
}

function decodeMessage(bytes) {
  const data = decode(bytes);
  if (bytes[0] !== kMessageWithPorts) return data;
  const ports = data.ports.map(([id, side]) => receivePort(id, side));
  return replaceMarkers(data.value, ports, new Set());
}

function replaceMarkers(v, ports, seen) {
  if (v === null || typeof v !== 'object' || seen.has(v)) return v;
  if (Object.hasOwn(v, kPortMarker)) return ports[v[kPortMarker]];
  seen.add(v);
  if (v instanceof Map) {
    for (const [k, x] of v) v.set(k, replaceMarkers(x, ports, seen));
  } else if (v instanceof Set) {
    const items = [...v];
    v.clear();
    for (const x of items) v.add(replaceMarkers(x, ports, seen));
  } else if (!ArrayBuffer.isView(v)) {
    for (const k of Object.keys(v)) v[k] = replaceMarkers(v[k], ports, seen);
  }
  return v;
}

function dataCloneError(message) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, 'DataCloneError');
}

// A port leaving this thread: the channel end it becomes. A port of one of this thread's
// channels becomes end 1 of a new cross-thread channel whose end 0 is its partner here (the
// messages waiting in it go along); a port already linked moves its own end.
function sendPort(port) {
  const { other, queue, remote } = messaging.takePort(port);
  if (remote !== null) {
    remote.detach();
    return [remote.id, remote.side];
  }
  const id = binding.portOpen();
  for (const data of queue) binding.portPost(id, 0, encode(kMessage, data));
  if (other !== null) bindPort(other, id, 0);
  else binding.portClose(id, 0);
  return [id, 1];
}

// The port for channel end `[id, side]` that arrived in a message.
function receivePort(id, side) {
  const port = messaging.newPort();
  bindPort(port, id, side);
  return port;
}

// Links `port` to end `side` of cross-thread channel `id`.
function bindPort(port, id, side) {
  const handle = binding.portAttach(id, side);
  if (handle === undefined) {
    messaging.closedRemotely(port);
    return;
  }
  loop.registerHandle(handle, (event) => {
    if (event[0] !== 'message') return;
    const bytes = event[2];
    if (bytes.length === 1 && bytes[0] === 0xff) {
      loop.unregisterHandle(handle);
      messaging.closedRemotely(port);
      return;
    }
    let value;
    try {
      value = decodeMessage(bytes);
    } catch (err) {
      port.emit('messageerror', err);
      return;
    }
    messaging.receiveRemote(port, value);
  });
  loop.unrefHandle(handle);
  messaging.setRemote(port, {
    id,
    side,
    send(value, transfer) { binding.portPost(id, side, encodeMessage(value, transfer)); },
    ref() { loop.refHandle(handle); },
    unref() { loop.unrefHandle(handle); },
    close() {
      loop.unregisterHandle(handle);
      binding.portClose(id, side);
    },
    detach() {
      loop.unregisterHandle(handle);
      binding.portDetach(id, side);
    },
  });
}

// ---- errors across the boundary ------------------------------------------------------------
// An uncaught exception reaches the parent's 'error' event as an error of the same built-in
// class, with its message, stack and own properties (`code` and the like).
const kSerializedError = '\u0000moat.error';

function serializeError(err) {
  if (err instanceof Error || (err !== null && typeof err === 'object' && typeof err.stack === 'string' &&
    typeof err.message === 'string')) {
    const props = {};
    for (const key of Object.keys(err)) {
      try { props[key] = cloneForThread(err[key]); } catch { /* left out: it cannot be cloned */ }
    }
    let ctor = 'Error';
    for (let p = Object.getPrototypeOf(err); p !== null; p = Object.getPrototypeOf(p)) {
      const name = p.constructor && p.constructor.name;
      if (typeof name === 'string' && typeof globalThis[name] === 'function' &&
        globalThis[name].prototype === p && (p === Error.prototype || p instanceof Error)) {
        ctor = name;
        break;
      }
    }
    return { [kSerializedError]: true, ctor, name: err.name, message: err.message, stack: err.stack, props };
  }
  try {
    return { value: cloneForThread(err) };
  } catch {
    return { [kSerializedError]: true, unserializable: true };
  }
}

function deserializeError(data) {
  if (data === null || typeof data !== 'object') return data;
  if (!data[kSerializedError]) return data.value;
  if (data.unserializable) return new codes.ERR_WORKER_UNSERIALIZABLE_ERROR();
  const Ctor = typeof globalThis[data.ctor] === 'function' ? globalThis[data.ctor] : Error;
  const err = Object.create(Ctor.prototype);
  Object.defineProperty(err, 'message', { value: data.message, writable: true, configurable: true });
  Object.defineProperty(err, 'stack', { value: data.stack, writable: true, configurable: true });
  if (data.name !== Ctor.prototype.name) {
    Object.defineProperty(err, 'name', { value: data.name, writable: true, configurable: true });
  }
  Object.assign(err, data.props);
  return err;
}

// ---- the parent's side -------------------------------------------------------------------

const kHandle = Symbol('kHandle');
const kOnEvent = Symbol('kOnEvent');
const kExited = Symbol('kExited');
const kExitCode = Symbol('kExitCode');
const kStdout = Symbol('kStdout');
const kStderr = Symbol('kStderr');

function workerSource(filename, options) {
  const { fileURLToPath, isURL } = require('internal/url');
  if (options.eval) {
    if (typeof filename !== 'string') {
      throw new codes.ERR_INVALID_ARG_VALUE('options.eval', options.eval,
        'must be false when \'filename\' is not a string');
    }
    return { kind: 'eval', source: filename };
  }
  if (typeof filename === 'string') {
    const path = require('path');
    if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename)) throw new codes.ERR_WORKER_PATH(filename);
    return { kind: 'file', source: path.resolve(filename) };
  }
  if (isURL(filename)) {
    if (filename.protocol === 'data:') {
      // A data: URL is an ES module whose source is its body.
      return {
        kind: 'eval', source: require('internal/modules/hooks').loadDataURL(filename.href).source.toString(), module: true,
      };
    }
    if (filename.protocol !== 'file:') throw new codes.ERR_INVALID_URL_SCHEME('file');
    return { kind: 'file', source: fileURLToPath(filename) };
  }
  throw new codes.ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
}

function envFor(env) {
  const out = {};
  if (env === undefined || env === null || env === SHARE_ENV) {
    // A copy of the parent's environment as it is now (SHARE_ENV shares it no further than
    // that: later changes on either side stay there).
    for (const key of Object.keys(process.env)) out[key] = process.env[key];
    return out;
  }
  if (typeof env !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options.env', ['object', 'undefined', 'null', 'symbol'], env);
  for (const key of Object.keys(env)) out[key] = `${env[key]}`;
  return out;
}

const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    internalBinding('process').checkPermission('worker', '');
    const { validateObject, validateArray } = require('internal/validators');
    validateObject(options, 'options');
    const spec = workerSource(filename, options);
    let argv = [];
    if (options.argv !== undefined) {
      validateArray(options.argv, 'options.argv');
      argv = options.argv.map(String);
    }
    let execArgv;
    if (options.execArgv !== undefined) {
      validateArray(options.execArgv, 'options.execArgv');
      execArgv = options.execArgv.map(String);
    }
    if (options.stdin) throw new codes.ERR_NOT_IMPLEMENTED('the worker_threads.Worker option \'stdin: true\'');
    const transfer = options.transferList;
    const init = {
      workerData: options.workerData,
      env: envFor(options.env),
      environmentData: [...environmentData],
      name: options.name === undefined ? '' : `${options.name}`,
      resourceLimits: options.resourceLimits ?? {},
      module: spec.module === true,
    };
    const initBytes = encodeMessage(init, transfer);
    const [handle, threadId] = binding.spawn(
      { kind: spec.kind, source: spec.source, module: spec.module === true, argv, execArgv }, initBytes);
    this[kHandle] = handle;
    this[kExited] = false;
    this[kExitCode] = undefined;
    // worker.stdout and worker.stderr carry what the worker writes; unless the options ask
    // for them, they pass it on to this thread's own streams.
    const { Readable } = require('stream');
    this[kStdout] = new Readable({ read() {} });
    this[kStderr] = new Readable({ read() {} });
    if (!options.stdout) this[kStdout].pipe(process.stdout, { end: false });
    if (!options.stderr) this[kStderr].pipe(process.stderr, { end: false });
    this.threadId = threadId;
    this.threadName = init.name || 'WorkerThread';
    this.resourceLimits = { maxYoungGenerationSizeMb: 0, maxOldGenerationSizeMb: 0, codeRangeSizeMb: 0, stackSizeMb: 4, ...init.resourceLimits };
    loop.registerHandle(handle, (event) => this[kOnEvent](event));
  }

  [kOnEvent](event) {
    if (event[0] === 'message') {
      const bytes = event[2];
      if (bytes.length === 0) return;
      switch (bytes[0]) {
        case kMessage:
        case kMessageWithPorts: {
          let value;
          try {
            value = decodeMessage(bytes);
          } catch (err) {
            this.emit('messageerror', err);
            return;
          }
          this.emit('message', value);
          return;
        }
        case kError:
          this.emit('error', deserializeError(decode(bytes)));
          return;
        case kOnline:
          this.emit('online');
          return;
        case kStdio:
          (bytes[1] === 2 ? this[kStderr] : this[kStdout]).push(Buffer.from(bytes.subarray(2)));
          return;
        default:
          return;
      }
    }
    if (event[0] === 'exit') {
      const code = event[2] ?? 1;
      this[kExited] = true;
      this[kExitCode] = code;
      loop.unregisterHandle(this[kHandle]);
      binding.forget(this[kHandle]);
      this.threadId = -1;
      this[kStdout].push(null);
      this[kStderr].push(null);
      this.emit('exit', code);
    }
  }

  postMessage(...args) {
    if (args.length === 0) throw new codes.ERR_MISSING_ARGS('message');
    const bytes = encodeMessage(args[0], args[1]);
    if (this[kExited]) return;
    binding.post(this[kHandle], bytes);
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.',
        'DeprecationWarning', 'DEP0132');
      this.once('exit', (code) => callback(null, code));
    }
    if (this[kExited]) return Promise.resolve(undefined);
    binding.stop(this[kHandle]);
    return new Promise((resolve) => this.once('exit', resolve));
  }

  ref() { if (!this[kExited]) loop.refHandle(this[kHandle]); }
  unref() { if (!this[kExited]) loop.unrefHandle(this[kHandle]); }

  get stdin() { return null; }
  get stdout() { return this[kStdout]; }
  get stderr() { return this[kStderr]; }

  get performance() {
    return { eventLoopUtilization: () => ({ idle: 0, active: 0, utilization: 0 }) };
  }

  getHeapSnapshot() {
    return Promise.reject(new codes.ERR_NOT_IMPLEMENTED('worker.getHeapSnapshot()'));
  }

  getHeapStatistics() {
    return Promise.reject(new codes.ERR_NOT_IMPLEMENTED('worker.getHeapStatistics()'));
  }

  [Symbol.asyncDispose]() { return this.terminate(); }
}

// ---- moat's own workers ------------------------------------------------------------------

// A worker that runs one of moat's built-in modules (the module hooks' thread), asked
// synchronously: the asking thread waits for the answer, as Node's main thread waits for its
// hooks thread. It keeps no loop alive and needs no --allow-worker (it has this thread's
// grants and no more).
class InternalWorker {
  #handle;
  #next = 1;
  constructor(id) {
    const init = {
      workerData: null, env: envFor(undefined), environmentData: [], name: id, resourceLimits: {},
      module: false, internalEntry: id,
    };
    const [handle] = binding.spawn({ kind: 'eval', source: '', module: false, argv: [], internal: true },
      encode(kMessage, init));
    this.#handle = handle;
    // What arrives through the loop (its 'online', its exit) needs no answer.
    loop.registerHandle(handle, (event) => {
      if (event[0] === 'exit') loop.unregisterHandle(handle);
      else if (event[0] === 'message' && event[2][0] === kStdio) writeOwn(event[2]);
    });
    loop.unrefHandle(handle);
  }

  // Sends `message` (with an id) and waits for the reply with that id: its `result`, or its
  // `error` thrown here.
  request(message) {
    const id = this.#next++;
    binding.post(this.#handle, encode(kMessage, { id, ...message }));
    for (;;) {
      const bytes = binding.waitMessage(this.#handle);
      if (bytes === undefined) throw new codes.ERR_WORKER_NOT_RUNNING();
      if (bytes[0] === kError) throw deserializeError(decode(bytes));
      if (bytes[0] === kStdio) writeOwn(bytes);
      if (bytes[0] !== kMessage) continue;
      const reply = decode(bytes);
      if (reply.id !== id) continue;
      if (reply.error !== undefined) throw deserializeError(reply.error);
      return reply.result;
    }
  }
}

// ---- a worker's own side -----------------------------------------------------------------

// worker_threads' get/setEnvironmentData: a worker starts with a copy of its parent's.
const environmentData = new Map();

// What worker_threads reports in this thread.
const self = {
  isMainThread: true,
  threadId: 0,
  threadName: '',
  parentPort: null,
  workerData: null,
  resourceLimits: {},
};

function unsupported(name) {
  return function unsupportedInWorker() { throw new codes.ERR_WORKER_UNSUPPORTED_OPERATION(name); };
}

// Called before the worker's program runs: its data, environment and port, and the process
// as a worker has it. Returns the built-in module to run instead of a program, if any.
function setUpWorker() {
  const me = binding.self();
  if (me === undefined) return false;
  const init = decodeMessage(me.init);
  self.isMainThread = false;
  self.threadId = me.threadId;
  self.threadName = init.name || 'WorkerThread';
  self.workerData = init.workerData;
  self.resourceLimits = init.resourceLimits;
  for (const [key, value] of init.environmentData) environmentData.set(key, value);
  self.module = init.module;

  const env = process.env;
  for (const key of Object.keys(env)) delete env[key];
  Object.assign(env, init.env);

  const port = messaging.remotePort({
    send(value, transfer) { binding.postToParent(encodeMessage(value, transfer)); },
    ref() { loop.refHandle(0); },
    unref() { loop.unrefHandle(0); },
    // The link to the parent ends with the worker.
    close() {},
  });
  self.parentPort = port;
  // The parent's messages arrive under handle 0; it keeps the loop alive only while the port
  // is listened to (the port refs it then).
  loop.registerHandle(0, (event) => {
    if (event[0] !== 'message' || event[2].length === 0) return;
    let value;
    try {
      value = decodeMessage(event[2]);
    } catch (err) {
      port.emit('messageerror', err);
      return;
    }
    messaging.receiveRemote(port, value);
  });
  loop.unrefHandle(0);

  process.chdir = unsupported('process.chdir()');
  const umask = process.umask;
  process.umask = function(mask) {
    if (mask !== undefined) throw new codes.ERR_WORKER_UNSUPPORTED_OPERATION('Setting process.umask()');
    return umask.call(process);
  };
  for (const name of ['setuid', 'setgid', 'seteuid', 'setegid', 'setgroups', 'initgroups']) {
    if (typeof process[name] === 'function') process[name] = unsupported(`process.${name}()`);
  }
  process.abort = unsupported('process.abort()');
  process.reallyExit = function reallyExit(code) { binding.exit(code | 0); };
  binding.postToParent(encode(kOnline, null));
  // The built-in module the worker runs instead of a program, if it is one of moat's own.
  return init.internalEntry;
}

// A worker's uncaught exception: the parent's 'error' event gets it (the worker prints
// nothing), then the worker ends with code 1.
function reportFatal(err) {
  try {
    binding.postToParent(encode(kError, serializeError(err)));
  } catch {
    binding.postToParent(encode(kError, { [kSerializedError]: true, unserializable: true }));
  }
}

module.exports = {
  Worker, InternalWorker, SHARE_ENV, self, environmentData, setUpWorker, reportFatal, serializeError,
};
