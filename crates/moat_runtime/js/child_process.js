'use strict';
// node:child_process — spawn, exec, execFile and fork, their Sync forms, and ChildProcess with
// stdio as streams (stdin a Writable, stdout/stderr Readables, extra pipes Duplexes) and the
// IPC channel of a fork.

const EventEmitter = require('events');
const b = internalBinding('child_process');
const loop = require('internal/loop');
const { codes, AbortError } = require('internal/errors');
const {
  signalNumber, signalName, validateTimeout, validateMaxBuffer, validateSerialization,
  normalizeSpawnArguments, validateAbortSignal, validateFunction,
} = require('internal/child_process/normalize');
const { validateString, validateObject } = require('internal/validators');

const lazyBuffer = () => require('buffer').Buffer;
const lazyStream = () => require('stream');
const errnoOf = { ENOENT: -2, EACCES: -13, EAGAIN: -11, EMFILE: -24, ENFILE: -23, ENOBUFS: -105, ETIMEDOUT: -110, EPERM: -1, EINVAL: -22 };

function spawnError(code, syscallPrefix, file, spawnargs) {
  const e = new Error(`${syscallPrefix} ${file} ${code}`);
  e.errno = errnoOf[code];
  e.code = code;
  e.syscall = `${syscallPrefix} ${file}`;
  e.path = file;
  e.spawnargs = spawnargs.slice(1);
  return e;
}

function isInput(v) {
  return typeof v === 'string' || ArrayBuffer.isView(v);
}

// Node's stdio option → one entry per descriptor: { type: 'pipe'|'ignore'|'fd'|'ipc'|'stream', ... }.
function getValidStdio(stdio, sync) {
  if (stdio === undefined || stdio === null) stdio = ['pipe', 'pipe', 'pipe'];
  else if (typeof stdio === 'string') {
    if (!['pipe', 'overlapped', 'inherit', 'ignore'].includes(stdio)) throw new codes.ERR_INVALID_ARG_VALUE('stdio', stdio);
    stdio = [stdio, stdio, stdio];
  } else if (!Array.isArray(stdio)) {
    throw new codes.ERR_INVALID_ARG_VALUE('stdio', stdio);
  } else stdio = stdio.slice();
  while (stdio.length < 3) stdio.push(undefined);
  let ipc;
  const out = stdio.map((s, i) => {
    if (s == null) s = i < 3 ? 'pipe' : 'ignore';
    if (s === 'ignore') return { type: 'ignore' };
    if (s === 'pipe' || s === 'overlapped') return { type: 'pipe' };
    if (s === 'ipc') {
      if (sync) throw new codes.ERR_IPC_SYNC_FORK();
      if (ipc !== undefined) throw new codes.ERR_IPC_ONE_PIPE();
      ipc = i;
      return { type: 'ipc' };
    }
    if (s === 'inherit') return { type: 'fd', fd: i };
    if (typeof s === 'number') return { type: 'fd', fd: s };
    if (isInput(s)) {
      if (!sync) throw new codes.ERR_INVALID_SYNC_FORK_INPUT(require('util').inspect(s));
      return { type: 'pipe', input: s };
    }
    if (s === process.stdin) return { type: 'fd', fd: 0 };
    if (s === process.stdout) return { type: 'fd', fd: 1 };
    if (s === process.stderr) return { type: 'fd', fd: 2 };
    if (typeof s === 'object' && typeof s.fd === 'number' && s.fd >= 0) return { type: 'fd', fd: s.fd };
    if (typeof s === 'object' && s[kPipeOf] !== undefined) return { type: 'stream', stream: s };
    if (typeof s === 'object' && s._handle && typeof s._handle.fd === 'number') return { type: 'fd', fd: s._handle.fd };
    throw new codes.ERR_INVALID_ARG_VALUE('stdio', s);
  });
  return { stdio: out, ipc };
}

const binaryStdio = (entries) => entries.map((e) => (e.type === 'fd' ? e.fd : e.type === 'ignore' ? 'ignore' : e.type === 'ipc' ? 'socket' : 'pipe'));

// ---- the stdio streams of a running child ------------------------------------------------

const kPipeOf = Symbol('kPipeOf');

function makeReadable(Base, child, fd, opts) {
  class PipeReadable extends Base {
    constructor() {
      super(opts);
      this[kPipeOf] = { child, fd };
      this._flowPaused = false;
    }
    _read() {
      if (this._flowPaused) {
        this._flowPaused = false;
        if (child._handle !== undefined) b.flow(child._handle, fd, false);
      }
    }
    _pushBytes(bytes) {
      const Buffer = lazyBuffer();
      if (!this.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) && !this._flowPaused) {
        this._flowPaused = true;
        if (child._handle !== undefined) b.flow(child._handle, fd, true);
      }
    }
  }
  return PipeReadable;
}

function writeTo(child, fd, chunk, cb) {
  if (child._handle === undefined) {
    const e = new Error('write EPIPE');
    e.code = 'EPIPE'; e.errno = -32; e.syscall = 'write';
    return cb(e);
  }
  try {
    b.write(child._handle, fd, chunk);
  } catch (err) {
    return cb(err);
  }
  cb();
}

function closeFd(child, fd) {
  if (child._handle !== undefined) b.close(child._handle, fd);
}

function createReadable(child, fd) {
  const { Readable } = lazyStream();
  const C = makeReadable(Readable, child, fd);
  const s = new C();
  s._destroy = (err, cb) => { child._stopReading(fd); cb(err); };
  Object.defineProperty(s, 'writable', { value: false, writable: true, configurable: true, enumerable: true });
  return s;
}

function createWritable(child, fd) {
  const { Writable } = lazyStream();
  const s = new Writable({
    decodeStrings: true,
    write(chunk, enc, cb) { writeTo(child, fd, chunk, cb); },
    writev(chunks, cb) { writeTo(child, fd, lazyBuffer().concat(chunks.map((c) => c.chunk)), cb); },
    final(cb) { closeFd(child, fd); cb(); },
    destroy(err, cb) { closeFd(child, fd); cb(err); },
  });
  s[kPipeOf] = { child, fd };
  Object.defineProperty(s, 'readable', { value: false, writable: true, configurable: true, enumerable: true });
  return s;
}

function createDuplex(child, fd) {
  const { Duplex } = lazyStream();
  const C = makeReadable(Duplex, child, fd, { allowHalfOpen: false });
  const s = new C();
  s._write = (chunk, enc, cb) => writeTo(child, fd, chunk, cb);
  s._final = (cb) => { closeFd(child, fd); cb(); };
  s._destroy = (err, cb) => { child._stopReading(fd); cb(err); };
  return s;
}

// ---- ChildProcess ----------------------------------------------------------------------

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._handle = undefined;
    this.pid = undefined;
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this.stdio = null;
  }

  spawn(options) {
    validateObject(options, 'options');
    validateSerialization(options.serialization);
    const { stdio, ipc } = getValidStdio(options.stdio, false);
    if (options.envPairs !== undefined && !Array.isArray(options.envPairs)) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.envPairs', 'Array', options.envPairs);
    }
    validateString(options.file, 'options.file');
    if (options.args !== undefined && !Array.isArray(options.args)) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.args', 'Array', options.args);
    }
    const env = (options.envPairs || []).slice();
    if (ipc !== undefined) {
      env.push(`NODE_CHANNEL_FD=${ipc}`);
      env.push(`NODE_CHANNEL_SERIALIZATION_MODE=${options.serialization || 'json'}`);
    }
    this.spawnfile = options.file;
    this.spawnargs = options.args || [options.file];
    const args = this.spawnargs.slice(1);
    let ids;
    try {
      ids = b.spawn({
        file: options.file, args, cwd: options.cwd, env, stdio: binaryStdio(stdio),
        argv0: this.spawnargs[0] !== options.file ? this.spawnargs[0] : undefined,
        detached: !!options.detached, uid: options.uid, gid: options.gid,
      });
    } catch (err) {
      if (err.code === 'ERR_ACCESS_DENIED' || !(err.code in errnoOf)) throw err;
      const e = spawnError(err.code, 'spawn', options.file, this.spawnargs);
      this._setupStdio(stdio, undefined);
      for (const s of this.stdio) if (s && s.readable) { s.push(null); s.resume(); }
      for (const s of this.stdio) if (s && s.writable) s.destroy();
      process.nextTick(() => this.emit('error', e));
      setImmediate(() => this._exited(e.errno, null, true));
      return e.errno;
    }
    const [handle, pid] = ids;
    this._handle = handle;
    this.pid = pid;
    this._setupStdio(stdio, ipc, options.serialization === 'advanced');
    loop.registerHandle(handle, (event) => this._onEvent(event));
    process.nextTick(() => this.emit('spawn'));
    return 0;
  }

  _setupStdio(stdio, ipc, advanced) {
    this._readers = new Map();
    this.stdio = stdio.map((e, i) => {
      if (e.type !== 'pipe' && e.type !== 'stream') return null;
      let s;
      if (i === 0) s = createWritable(this, 0);
      else if (i < 3) s = createReadable(this, i);
      else s = createDuplex(this, i);
      if (i !== 0 && this._handle !== undefined) this._readers.set(i, s);
      if (s.readable !== false && i !== 0) {
        this._closesNeeded++;
        s.once('close', () => this._maybeClose());
      }
      if (e.type === 'stream') {
        // Another child's pipe as one of this one's: the bytes are passed through.
        if (i === 0) {
          // Until this child exits; what it no longer reads stays with the source.
          e.stream.pipe(s);
          s.on('error', () => {});
          this.once('exit', () => e.stream.unpipe(s));
          return null;
        } else {
          s.pipe(e.stream, { end: false });
          return null;
        }
      }
      return s;
    });
    this.stdin = this.stdio[0];
    this.stdout = this.stdio[1];
    this.stderr = this.stdio[2];
    if (ipc !== undefined && this._handle !== undefined) {
      this._readers.set(ipc, null);
      require('internal/child_process/ipc').setupChannel(this, this._handle, ipc, advanced);
      this._closesNeeded++;
      this.once('disconnect', () => this._maybeClose());
    }
  }

  _onEvent(event) {
    const kind = event[0];
    if (kind === 'data') {
      const fd = event[2];
      const bytes = event[3];
      if (fd === this._ipcFd) {
        if (bytes.byteLength === 0) this._readers.delete(fd);
        this._onIpcData(bytes);
      } else {
        const s = this._readers.get(fd);
        if (bytes.byteLength === 0) {
          this._readers.delete(fd);
          // The end of stdout and stderr is seen after 'exit', as in Node (the exit follows
          // their ends at once).
          if (s && fd < 3 && !this._exitSeen) (this._pendingEnds ??= []).push(s);
          else if (s) s.push(null);
        } else if (s && !s.destroyed) s._pushBytes(bytes);
      }
      this._maybeRelease();
    } else if (kind === 'exit') {
      this._exitSeen = true;
      this._exited(event[2] ?? null, signalName(event[3]), false);
      if (this._pendingEnds) for (const s of this._pendingEnds.splice(0)) s.push(null);
      this._maybeRelease();
    } else {
      this._exitSeen = true;
      this._readers.clear();
      this._maybeRelease();
      const e = new Error(String(event[2]));
      e.code = event[3];
      this.emit('error', e);
    }
  }

  // A destroyed stream: its pipe is closed and no longer keeps the child's handle.
  _stopReading(fd) {
    closeFd(this, fd);
    if (this._readers && this._readers.delete(fd)) this._maybeRelease();
  }

  _maybeRelease() {
    if (this._exitSeen && this._readers.size === 0 && this._handle !== undefined) {
      loop.unregisterHandle(this._handle);
      b.release(this._handle);
      this._handle = undefined;
      if (this.connected) {
        this.connected = false;
        process.nextTick(() => this.emit('disconnect'));
      }
    }
  }

  _exited(code, signal, failed) {
    if (failed) {
      this._closeCode = code;
    } else {
      if (signal !== null) this.signalCode = signal;
      else this.exitCode = code;
      this.emit('exit', this.exitCode, this.signalCode);
    }
    // Output nobody reads still flows, so that 'close' comes.
    for (const s of [this.stdout, this.stderr, ...(this.stdio || []).slice(3)]) {
      if (s && s.readable && s.readableFlowing === null && s.listenerCount('data') === 0 && s.listenerCount('readable') === 0) s.resume();
    }
    this._maybeClose();
  }

  _maybeClose() {
    this._closesGot++;
    if (this._closesGot === this._closesNeeded) {
      const code = this._closeCode !== undefined ? this._closeCode : this.exitCode;
      this.emit('close', code, this.signalCode);
    }
  }

  kill(sig) {
    const signal = sig === 0 ? 0 : signalNumber(sig === undefined ? 'SIGTERM' : sig);
    if (this._handle === undefined || this.pid === undefined || this._exitSeen) return false;
    try {
      internalBinding('process').kill(this.pid, signal);
    } catch (err) {
      if (err.code === 'ESRCH') return false;
      this.emit('error', err);
      return false;
    }
    this.killed = true;
    return true;
  }

  [Symbol.dispose]() {
    if (!this.killed) this.kill();
  }

  ref() { if (this._handle !== undefined) loop.refHandle(this._handle); }
  unref() { if (this._handle !== undefined) loop.unrefHandle(this._handle); }
}

// ---- spawn, exec, execFile, fork -------------------------------------------------------

function abortChild(child, killSignal, signal) {
  child.kill(killSignal);
  child.emit('error', new AbortError(undefined, { cause: signal.reason }));
}

function spawn(file, args, options) {
  const n = normalizeSpawnArguments(file, args, options);
  const opts = n.options;
  validateTimeout(opts.timeout);
  if (opts.signal !== undefined) validateAbortSignal(opts.signal, 'options.signal');
  const killSignal = opts.killSignal === undefined ? 'SIGTERM' : opts.killSignal;
  if (opts.killSignal !== undefined) signalNumber(opts.killSignal, 'options.killSignal');
  const child = new ChildProcess();
  child.spawn({
    file: n.file, args: n.spawnargs, cwd: n.cwd, envPairs: n.env, stdio: opts.stdio,
    detached: opts.detached, uid: opts.uid, gid: opts.gid, serialization: opts.serialization,
  });
  if (opts.timeout > 0) {
    let t = setTimeout(() => {
      if (t) { child.kill(killSignal); t = null; }
    }, opts.timeout);
    child.once('exit', () => { if (t) { clearTimeout(t); t = null; } });
  }
  if (opts.signal) {
    const signal = opts.signal;
    if (signal.aborted) process.nextTick(abortChild, child, killSignal, signal);
    else {
      const onAbort = () => abortChild(child, killSignal, signal);
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

function fork(modulePath, args, options) {
  modulePath = require('internal/fs/utils').getValidatedPath(modulePath, 'modulePath');
  if (typeof modulePath !== 'string') modulePath = String(modulePath);
  let execArgv;
  if (args == null) args = [];
  else if (typeof args === 'object' && !Array.isArray(args)) { options = args; args = []; }
  else if (!Array.isArray(args)) throw new codes.ERR_INVALID_ARG_TYPE('args', 'Array', args);
  if (options != null) validateObject(options, 'options');
  options = { __proto__: null, ...options, shell: false };
  execArgv = options.execArgv || process.execArgv;
  args = [...execArgv, modulePath, ...args];
  if (typeof options.stdio === 'string') {
    if (!['ignore', 'overlapped', 'pipe', 'inherit'].includes(options.stdio)) {
      throw new codes.ERR_INVALID_ARG_VALUE('stdio', options.stdio);
    }
    options.stdio = [options.stdio, options.stdio, options.stdio, 'ipc'];
  } else if (!Array.isArray(options.stdio)) {
    options.stdio = options.silent ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['inherit', 'inherit', 'inherit', 'ipc'];
  } else if (!options.stdio.includes('ipc')) {
    throw new codes.ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }
  return spawn(options.execPath || process.execPath, args, options);
}

function execFile(file, ...rest) {
  let args = [];
  let options;
  let callback;
  let pos = 0;
  if (pos < rest.length && Array.isArray(rest[pos])) args = rest[pos++];
  else if (pos < rest.length && rest[pos] == null) pos++;
  if (pos < rest.length && typeof rest[pos] === 'object') options = rest[pos++];
  else if (pos < rest.length && rest[pos] == null) pos++;
  if (pos < rest.length && typeof rest[pos] === 'function') callback = rest[pos++];
  if (!callback && pos < rest.length && rest[pos] != null) throw new codes.ERR_INVALID_ARG_VALUE('args', rest[pos]);
  options = {
    __proto__: null, encoding: 'utf8', timeout: 0, maxBuffer: 1024 * 1024, killSignal: 'SIGTERM', cwd: null, env: null, shell: false,
    ...options,
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = signalNumber(options.killSignal, 'options.killSignal');
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  if (callback !== undefined) validateFunction(callback, 'callback');

  const child = spawn(file, args, {
    cwd: options.cwd, env: options.env, gid: options.gid, shell: options.shell, signal: options.signal,
    uid: options.uid, windowsHide: !!options.windowsHide, windowsVerbatimArguments: !!options.windowsVerbatimArguments,
    argv0: options.argv0, killSignal: options.killSignal,
  });
  const Buffer = lazyBuffer();
  const enc = options.encoding && options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding) ? options.encoding : null;
  const out = { stdout: [], stderr: [] };
  const len = { stdout: 0, stderr: 0 };
  let ex = null;
  let killed = false;
  let exited = false;
  let timer = null;
  let cmd = file;
  if (args.length > 0) cmd += ` ${args.join(' ')}`;

  const kill = () => {
    for (const s of [child.stdout, child.stderr]) if (s) s.destroy();
    killed = true;
    try { child.kill(options.killSignal); } catch (e) { ex = e; exithandler(); }
  };
  function exithandler(code, signal) {
    if (exited) return;
    exited = true;
    if (timer) { clearTimeout(timer); timer = null; }
    if (!callback) return;
    const join = (name) => (enc || typeof out[name][0] === 'string' ? out[name].join('') : Buffer.concat(out[name]));
    const stdout = join('stdout');
    const stderr = join('stderr');
    if (!ex && code === 0 && signal === null) { callback(null, stdout, stderr); return; }
    if (!ex) {
      ex = new Error(`Command failed: ${cmd}\n${stderr}`);
      ex.code = code < 0 ? require('util').getSystemErrorName(code) : code;
      ex.killed = child.killed || killed;
      ex.signal = signal;
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }
  function errorhandler(e) {
    ex = e;
    for (const s of [child.stdout, child.stderr]) if (s) s.destroy();
    exithandler();
  }
  if (options.timeout > 0) timer = setTimeout(() => { timer = null; kill(); }, options.timeout);
  for (const name of ['stdout', 'stderr']) {
    const s = child[name];
    if (!s) continue;
    if (enc) s.setEncoding(enc);
    s.on('data', (chunk) => {
      const size = typeof chunk === 'string' ? Buffer.byteLength(chunk, enc || 'utf8') : chunk.length;
      len[name] += size;
      if (len[name] > options.maxBuffer) {
        const keep = options.maxBuffer - (len[name] - size);
        out[name].push(chunk.slice(0, keep));
        ex = new codes.ERR_CHILD_PROCESS_STDIO_MAXBUFFER(name);
        kill();
      } else out[name].push(chunk);
    });
  }
  child.addListener('close', exithandler);
  child.addListener('error', errorhandler);
  return child;
}

function exec(command, options, callback) {
  validateString(command, 'command');
  if (typeof options === 'function') { callback = options; options = undefined; }
  options = { __proto__: null, ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return execFile(command, options, callback);
}

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
// The promise-returning form of exec or execFile, under the same name.
function promisified(fn) {
  const promiseFn = (...args) => {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    promise.child = fn(...args, (err, stdout, stderr) => {
      if (err) { err.stdout = stdout; err.stderr = stderr; reject(err); } else resolve({ stdout, stderr });
    });
    return promise;
  };
  return Object.defineProperty(promiseFn, 'name', { value: fn.name });
}
Object.defineProperty(exec, kCustomPromisify, { value: promisified(exec), enumerable: false, configurable: true });
Object.defineProperty(execFile, kCustomPromisify, { value: promisified(execFile), enumerable: false, configurable: true });

// ---- the synchronous forms ---------------------------------------------------------------

function spawnSync(file, args, options) {
  const n = normalizeSpawnArguments(file, args, options);
  const opts = n.options;
  validateTimeout(opts.timeout);
  validateMaxBuffer(opts.maxBuffer);
  const killSignal = signalNumber(opts.killSignal === undefined ? 'SIGTERM' : opts.killSignal, 'options.killSignal');
  const { stdio } = getValidStdio(opts.stdio, true);
  let input = opts.input;
  if (stdio[0].input !== undefined) input = stdio[0].input;
  if (input !== undefined && input !== null) {
    if (!isInput(input)) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
    }
    if (typeof input === 'string') input = lazyBuffer().from(input, opts.encoding && opts.encoding !== 'buffer' ? opts.encoding : 'utf8');
    else input = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  let r;
  try {
    r = b.spawnSync({
      file: n.file, args: n.args, cwd: n.cwd, env: n.env, stdio: binaryStdio(stdio), input,
      argv0: n.spawnargs[0] !== n.file ? n.spawnargs[0] : undefined, detached: !!opts.detached,
      uid: opts.uid, gid: opts.gid, timeout: opts.timeout, killSignal,
      maxBuffer: opts.maxBuffer === undefined ? 1024 * 1024 : opts.maxBuffer,
    });
  } catch (err) {
    if (err.code === 'ERR_ACCESS_DENIED' || !(err.code in errnoOf)) throw err;
    return { error: spawnError(err.code, 'spawnSync', n.file, n.spawnargs), status: null, signal: null, output: null, pid: 0, stdout: null, stderr: null };
  }
  const Buffer = lazyBuffer();
  const enc = opts.encoding && opts.encoding !== 'buffer' ? opts.encoding : null;
  const decode = (bytes) => {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return enc ? buf.toString(enc) : buf;
  };
  const output = [null, ...[1, 2].map((i) => (stdio[i].type === 'pipe' ? decode(i === 1 ? r.stdout : r.stderr) : null))];
  for (let i = 3; i < stdio.length; i++) output.push(null);
  const result = {
    status: r.status ?? null, signal: signalName(r.signal), output, pid: r.pid, stdout: output[1], stderr: output[2],
  };
  if (r.timedOut) result.error = spawnError('ETIMEDOUT', 'spawnSync', n.file, n.spawnargs);
  else if (r.overflowed) result.error = spawnError('ENOBUFS', 'spawnSync', n.file, n.spawnargs);
  return result;
}

function checkExecSyncError(ret, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    Object.assign(err, ret);
  } else if (ret.status !== 0) {
    let msg = `Command failed: ${cmd}`;
    if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
    err = new Error(msg);
    Object.assign(err, ret);
  }
  return err;
}

function execFileSync(file, args, options) {
  if (!Array.isArray(args) && args != null && typeof args === 'object') { options = args; args = []; }
  if (args == null) args = [];
  options = { __proto__: null, ...options };
  const inheritStderr = !options.stdio;
  const ret = spawnSync(file, args, options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, [options.argv0 || file, ...args].join(' '));
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  validateString(command, 'command');
  options = { __proto__: null, ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  const inheritStderr = !options.stdio;
  const ret = spawnSync(command, [], options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, command);
  if (err) throw err;
  return ret.stdout;
}

function _forkChild() {
  throw new codes.ERR_NOT_IMPLEMENTED('child_process._forkChild');
}

module.exports = {
  ChildProcess, _forkChild, exec, execFile, execFileSync, execSync, fork, spawn, spawnSync,
};
