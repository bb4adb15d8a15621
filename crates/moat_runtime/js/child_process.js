'use strict';
// node:child_process — spawn, exec and execFile (with their Sync forms). Output arrives through
// the event loop; `fork` (IPC) is not implemented yet.

const EventEmitter = require('events');
const b = internalBinding('child_process');
const loop = require('internal/loop');
const { signals } = require('internal/process/object');
const { codes } = require('internal/errors');
const { validateString, validateFunction } = require('internal/validators');
const { thrower } = require('internal/errors');

const lazyBuffer = () => require('buffer').Buffer;
const signalName = (n) => (n == null ? null : Object.keys(signals).find((k) => signals[k] === n) || null);
function signalNumber(sig) {
  if (sig === undefined || sig === null) return signals.SIGTERM;
  if (typeof sig === 'number') return sig;
  const n = signals[sig];
  if (n === undefined) throw new codes.ERR_UNKNOWN_SIGNAL(sig);
  return n;
}

function normalizeStdio(stdio) {
  if (stdio === undefined || stdio === null) return ['pipe', 'pipe', 'pipe'];
  if (typeof stdio === 'string') return [stdio, stdio, stdio].map(normalizeOne);
  if (!Array.isArray(stdio)) throw new codes.ERR_INVALID_ARG_VALUE('stdio', stdio);
  const out = [0, 1, 2].map((i) => normalizeOne(stdio[i], i));
  return out;
}
function normalizeOne(s, i) {
  if (s === undefined || s === null || s === 'pipe' || s === 'overlapped') return 'pipe';
  if (s === 'inherit' || s === i) return 'inherit';
  if (s === 'ignore') return 'ignore';
  if (typeof s === 'number' && s >= 0 && s <= 2) return 'inherit';
  if (s === process.stdin || s === process.stdout || s === process.stderr) return 'inherit';
  throw new codes.ERR_INVALID_ARG_VALUE('stdio', s);
}

function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  if (file.length === 0) throw new codes.ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  if (args === undefined || args === null) args = [];
  else if (!Array.isArray(args)) {
    if (typeof args === 'object' && options === undefined) { options = args; args = []; }
    else throw new codes.ERR_INVALID_ARG_TYPE('args', 'Array', args);
  }
  if (options === undefined || options === null) options = {};
  else if (typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  args = args.map((a) => `${a}`);
  let spawnFile = file;
  let spawnArgs = args;
  if (options.shell) {
    const command = [file, ...args].join(' ');
    spawnFile = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    spawnArgs = ['-c', command];
  }
  const envSource = options.env || process.env;
  const env = [];
  for (const key of Object.keys(envSource)) {
    const value = envSource[key];
    if (value !== undefined) env.push(`${key}=${value}`);
  }
  let cwd = options.cwd;
  if (cwd instanceof URL) cwd = require('internal/url').fileURLToPath(cwd);
  if (cwd !== undefined && cwd !== null) validateString(cwd, 'options.cwd');
  return {
    file: spawnFile, args: spawnArgs, cwd: cwd ?? undefined, env, stdio: normalizeStdio(options.stdio),
    options, spawnargs: [spawnFile, ...spawnArgs], originalFile: file, originalArgs: args,
  };
}

function spawnError(err, syscallPrefix, file, spawnargs) {
  const code = err && err.code ? err.code : 'ENOENT';
  const e = new Error(`${syscallPrefix} ${file} ${code}`);
  e.errno = err && err.errno;
  e.code = code;
  e.syscall = `${syscallPrefix} ${file}`;
  e.path = file;
  e.spawnargs = spawnargs.slice(1);
  return e;
}

function decode(bytes, encoding) {
  const buf = lazyBuffer().from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
}

function spawnSync(file, args, options) {
  const n = normalizeSpawnArguments(file, args, options);
  const opts = n.options;
  let input = opts.input;
  if (typeof input === 'string') input = lazyBuffer().from(input, opts.encoding && opts.encoding !== 'buffer' ? opts.encoding : 'utf8');
  let r;
  try {
    r = b.spawnSync({
      file: n.file, args: n.args, cwd: n.cwd, env: n.env, stdio: n.stdio, input,
      timeout: opts.timeout, killSignal: signalNumber(opts.killSignal),
    });
  } catch (err) {
    if (err.code === 'ERR_ACCESS_DENIED') throw err;
    return {
      error: spawnError(err, 'spawnSync', n.file, n.spawnargs), status: null, signal: null, output: null, pid: 0,
      stdout: null, stderr: null,
    };
  }
  const stdout = n.stdio[1] === 'pipe' ? decode(r.stdout, opts.encoding) : null;
  const stderr = n.stdio[2] === 'pipe' ? decode(r.stderr, opts.encoding) : null;
  const result = { status: r.status ?? null, signal: signalName(r.signal), output: [null, stdout, stderr], pid: r.pid, stdout, stderr };
  if (r.timedOut) {
    const e = new Error(`spawnSync ${n.file} ETIMEDOUT`);
    e.errno = -110; e.code = 'ETIMEDOUT'; e.syscall = `spawnSync ${n.file}`; e.path = n.file; e.spawnargs = n.spawnargs.slice(1);
    result.error = e;
  }
  return result;
}

function checkExecSyncError(ret, cmd) {
  if (ret.error) {
    const err = ret.error;
    Object.assign(err, ret);
    return err;
  }
  if (ret.status !== 0) {
    let msg = 'Command failed: ';
    msg += cmd;
    if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
    const err = new Error(msg);
    Object.assign(err, ret);
    return err;
  }
  return undefined;
}

function execFileSync(file, args, options) {
  if (!Array.isArray(args) && args !== undefined && args !== null && typeof args === 'object') { options = args; args = []; }
  options = { ...options };
  const inheritStderr = options.stdio === undefined;
  const ret = spawnSync(file, args, options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, [file, ...(args || [])].join(' '));
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  validateString(command, 'command');
  options = { ...options, shell: (options && options.shell) || '/bin/sh' };
  const inheritStderr = options.stdio === undefined;
  const ret = spawnSync(command, [], options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, command);
  if (err) throw err;
  return ret.stdout;
}

// The readable side of a child's stdout or stderr.
class ChildReadable extends EventEmitter {
  constructor() {
    super();
    this.readable = true;
    this.destroyed = false;
    this.readableEnded = false;
    this._encoding = null;
    this._buffered = [];
  }
  setEncoding(enc) { this._encoding = enc; return this; }
  _push(bytes) {
    const chunk = decode(bytes, this._encoding || 'buffer');
    if (this.listenerCount('data') > 0) this.emit('data', chunk);
    else this._buffered.push(chunk);
  }
  _end() {
    this.readable = false;
    this.readableEnded = true;
    this.emit('end');
    this.emit('close');
  }
  on(ev, fn) {
    super.on(ev, fn);
    if (ev === 'data' && this._buffered.length > 0) {
      const pending = this._buffered;
      this._buffered = [];
      for (const c of pending) this.emit('data', c);
    }
    return this;
  }
  resume() { return this; }
  pause() { return this; }
  read() { return this._buffered.length > 0 ? this._buffered.shift() : null; }
  destroy() { this.destroyed = true; return this; }
  pipe(dest, { end = true } = {}) {
    this.on('data', (c) => dest.write(c));
    if (end && dest !== process.stdout && dest !== process.stderr) this.once('end', () => dest.end());
    return dest;
  }
  [Symbol.asyncIterator]() { return require('internal/streams/data_events').dataEventIterator(this); }
}
ChildReadable.prototype.addListener = ChildReadable.prototype.on;

class ChildWritable extends EventEmitter {
  constructor(handle) {
    super();
    this._handle = handle;
    this.writable = true;
    this.destroyed = false;
  }
  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
    if (typeof chunk === 'string') chunk = lazyBuffer().from(chunk, encoding || 'utf8');
    let err = null;
    try { b.writeStdin(this._handle, chunk); } catch (e) { err = e; }
    if (err) process.nextTick(() => this.emit('error', err));
    if (typeof cb === 'function') process.nextTick(cb, err);
    return true;
  }
  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
    if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    b.closeStdin(this._handle);
    this.writable = false;
    process.nextTick(() => { this.emit('finish'); this.emit('close'); if (typeof cb === 'function') cb(); });
    return this;
  }
  destroy() { b.closeStdin(this._handle); this.destroyed = true; return this; }
  cork() {}
  uncork() {}
  setDefaultEncoding() { return this; }
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this.pid = undefined;
    this.exitCode = null;
    this.signalCode = null;
    this.killed = false;
    this.connected = false;
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this.stdio = [null, null, null];
    this._handle = undefined;
  }
  spawn(n) {
    this.spawnfile = n.file;
    this.spawnargs = n.spawnargs;
    let ids;
    try {
      ids = b.spawn({ file: n.file, args: n.args, cwd: n.cwd, env: n.env, stdio: n.stdio });
    } catch (err) {
      if (err.code === 'ERR_ACCESS_DENIED') throw err;
      const e = spawnError(err, 'spawn', n.file, n.spawnargs);
      process.nextTick(() => {
        this.emit('error', e);
        this.emit('close', -2, null);
      });
      return;
    }
    const [handle, pid] = ids;
    this._handle = handle;
    this.pid = pid;
    if (n.stdio[0] === 'pipe') this.stdin = new ChildWritable(handle);
    if (n.stdio[1] === 'pipe') this.stdout = new ChildReadable();
    if (n.stdio[2] === 'pipe') this.stderr = new ChildReadable();
    this.stdio = [this.stdin, this.stdout, this.stderr];
    const streams = { 1: this.stdout, 2: this.stderr };
    loop.registerHandle(handle, (event) => {
      const [kind] = event;
      if (kind === 'data') {
        const s = streams[event[2]];
        if (!s) return;
        if (event[3].byteLength === 0) s._end();
        else s._push(event[3]);
      } else if (kind === 'exit') {
        loop.unregisterHandle(handle);
        b.release(handle);
        this.exitCode = event[2] ?? null;
        this.signalCode = signalName(event[3]);
        this.emit('exit', this.exitCode, this.signalCode);
        process.nextTick(() => this.emit('close', this.exitCode, this.signalCode));
      } else {
        loop.unregisterHandle(handle);
        b.release(handle);
        const e = new Error(event[2]);
        e.code = event[3];
        this.emit('error', e);
      }
    });
    process.nextTick(() => this.emit('spawn'));
  }
  kill(sig) {
    if (this.pid === undefined || this.exitCode !== null || this.signalCode !== null) return false;
    try {
      internalBinding('process').kill(this.pid, signalNumber(sig));
    } catch (err) {
      if (err.code === 'ESRCH') return false;
      throw err;
    }
    this.killed = true;
    return true;
  }
  ref() { if (this._handle !== undefined) loop.refHandle(this._handle); }
  unref() { if (this._handle !== undefined) loop.unrefHandle(this._handle); }
  disconnect() {}
}

function spawn(file, args, options) {
  const n = normalizeSpawnArguments(file, args, options);
  const child = new ChildProcess();
  child.spawn(n);
  if (n.options.timeout > 0) {
    const t = setTimeout(() => child.kill(n.options.killSignal), n.options.timeout);
    child.once('exit', () => clearTimeout(t));
  }
  if (n.options.signal) {
    const signal = n.options.signal;
    const onAbort = () => {
      child.kill(n.options.killSignal);
      const { AbortError } = require('internal/errors');
      child.emit('error', new AbortError(undefined, { cause: signal.reason }));
    };
    if (signal.aborted) process.nextTick(onAbort);
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

function execFile(file, args, options, callback) {
  if (typeof args === 'function') { callback = args; args = []; options = {}; }
  else if (typeof options === 'function') {
    callback = options;
    if (args !== null && typeof args === 'object' && !Array.isArray(args)) { options = args; args = []; }
    else options = {};
  }
  if (callback !== undefined) validateFunction(callback, 'callback');
  options = { encoding: 'utf8', maxBuffer: 1024 * 1024, ...options };
  const child = spawn(file, args, options);
  const out = [];
  const err = [];
  if (child.stdout) child.stdout.on('data', (c) => out.push(typeof c === 'string' ? lazyBuffer().from(c) : c));
  if (child.stderr) child.stderr.on('data', (c) => err.push(typeof c === 'string' ? lazyBuffer().from(c) : c));
  const enc = options.encoding;
  const finish = (code, signal, spawnErr) => {
    if (!callback) return;
    const Buffer = lazyBuffer();
    let stdout = Buffer.concat(out);
    let stderr = Buffer.concat(err);
    if (enc && enc !== 'buffer' && Buffer.isEncoding(enc)) { stdout = stdout.toString(enc); stderr = stderr.toString(enc); }
    const cmd = [file, ...(Array.isArray(args) ? args : [])].join(' ');
    let e = null;
    if (spawnErr) {
      e = spawnErr;
      e.cmd = cmd;
    } else if (code !== 0 || signal !== null) {
      e = new Error(`Command failed: ${cmd}\n${stderr}`);
      e.code = code === null ? null : code;
      e.killed = child.killed;
      e.signal = signal;
      e.cmd = cmd;
    }
    const cb = callback;
    callback = undefined;
    cb(e, stdout, stderr);
  };
  child.on('close', (code, signal) => finish(code, signal));
  child.on('error', (e) => finish(null, null, e));
  return child;
}

function exec(command, options, callback) {
  if (typeof options === 'function') { callback = options; options = {}; }
  validateString(command, 'command');
  return execFile(command, [], { ...options, shell: (options && options.shell) || '/bin/sh' }, callback);
}

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
function promisifiedExec(fn) {
  return (...args) => new Promise((resolve, reject) => {
    fn(...args, (err, stdout, stderr) => {
      if (err) { err.stdout = stdout; err.stderr = stderr; reject(err); } else resolve({ stdout, stderr });
    });
  });
}
Object.defineProperty(exec, kCustomPromisify, { value: promisifiedExec(exec), enumerable: false });
Object.defineProperty(execFile, kCustomPromisify, { value: promisifiedExec(execFile), enumerable: false });

module.exports = {
  ChildProcess, spawn, spawnSync, exec, execSync, execFile, execFileSync,
  fork: thrower('child_process.fork'),
  _forkChild: thrower('child_process._forkChild'),
};
