'use strict';
// Builds `process`: an EventEmitter with Node's fields and methods.

const EventEmitter = require('events');
// The process binding, taken when `process` is built: the module itself may load before the
// run is known (into the sandbox's snapshot).
let b;
const timers = internalBinding('timers');
const { codes } = require('internal/errors');
const { validateString, validateInteger, validateUint32, validateBoolean } = require('internal/validators');

// `--title=…`, the last one given.
function titleFlag() {
  let value;
  const argv = b.execArgv;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--title=')) value = argv[i].slice(8);
    else if (argv[i] === '--title' && i + 1 < argv.length) value = argv[++i];
  }
  return value;
}

// An exit code is an integer, a string of one, or absent.
function validateExitCode(code) {
  if (code === undefined || code === null) return;
  if (typeof code === 'string' && code !== '' && Number.isInteger(Number(code))) return;
  validateInteger(code, 'code');
}

const signals = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7, SIGFPE: 8,
  SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17,
  SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24,
  SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
};

let envValueWarned = false;
// DEP0104, under --pending-deprecation: a value other than a string, number or boolean.
function warnEnvValue() {
  if (envValueWarned || !require('internal/options').hasFlag('--pending-deprecation')) return;
  envValueWarned = true;
  process.emitWarning('Assigning any value other than a string, number, or boolean to a process.env property ' +
    'is deprecated. Please make sure to convert the value to a string before setting process.env with it.',
  'DeprecationWarning', 'DEP0104');
}

// process.env: values become strings (a Symbol cannot), and only plain, writable,
// enumerable, configurable data properties may be defined, as in Node.
function envProxy(target) {
  return new Proxy(target, {
    get(t, key) { return typeof key === 'symbol' ? undefined : t[key]; },
    has(t, key) { return typeof key !== 'symbol' && key in t; },
    set(t, key, value) {
      if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') warnEnvValue();
      t[key] = `${value}`;
      return true;
    },
    deleteProperty(t, key) {
      if (typeof key !== 'symbol') delete t[key];
      return true;
    },
    defineProperty(t, key, desc) {
      if ('get' in desc || 'set' in desc) {
        throw new codes.ERR_INVALID_OBJECT_DEFINE_PROPERTY(
          '\'process.env\' does not accept an accessor(getter/setter) descriptor');
      }
      if (!desc.configurable || !desc.writable || !desc.enumerable) {
        throw new codes.ERR_INVALID_OBJECT_DEFINE_PROPERTY(
          '\'process.env\' only accepts a configurable, writable, and enumerable data descriptor');
      }
      t[key] = `${desc.value}`;
      return true;
    },
  });
}

function create() {
  b = internalBinding('process');
  function process() {}
  const proto = Object.create(EventEmitter.prototype, {
    constructor: { value: process, writable: true, configurable: true },
  });
  process.prototype = proto;
  const processObject = Object.create(proto);
  Object.defineProperty(processObject, Symbol.toStringTag, { value: 'process', writable: true, configurable: false, enumerable: false });
  EventEmitter.call(processObject);
  watchSignals(processObject);
  fill(processObject);
  processObject._rawWrite = (fd, s) => b.writeStdio(fd, typeof s === 'string' ? s.toWellFormed() : s);
  installStdio(processObject);
  processObject.nextTick = require('internal/loop').nextTick;
  require('internal/main').attach(processObject);
  return processObject;
}

// Signal events: the first listener for a signal has it delivered to the process as an event
// instead of its default action; when the last one goes, the default comes back. As in Node,
// a watched signal keeps nothing alive.
function watchSignals(process) {
  const loop = require('internal/loop');
  const handles = new Map();
  process.on('newListener', (event) => {
    if (typeof event !== 'string' || !Object.hasOwn(signals, event) || handles.has(event)) return;
    const handle = b.signalWatch(signals[event]);
    if (Array.isArray(handle)) {
      const [code, errno] = handle;
      const err = new Error(`uv_signal_start ${code}`);
      Object.assign(err, { errno, code, syscall: 'uv_signal_start' });
      throw err;
    }
    handles.set(event, handle);
    loop.registerHandle(handle, () => process.emit(event, event, signals[event]));
    loop.unrefHandle(handle);
  });
  process.on('removeListener', (event) => {
    const handle = handles.get(event);
    if (handle === undefined || process.listenerCount(event) > 0) return;
    handles.delete(event);
    b.signalUnwatch(signals[event]);
    loop.unregisterHandle(handle);
  });
}

function fill(process) {
  const { thrower } = require('internal/errors');

  // The title `ps` shows: `--title`, else the program's name; Linux keeps its first 15 bytes.
  let title = titleFlag() ?? 'moat';
  if (title !== 'moat') b.setTitle(title);
  Object.defineProperty(process, 'title', {
    enumerable: true,
    configurable: true,
    get() { return title; },
    set(value) {
      title = `${value}`;
      b.setTitle(title);
    },
  });
  // Facts about the build: read-only, as in Node.
  const readOnly = (name, value) =>
    Object.defineProperty(process, name, { value, writable: false, enumerable: true, configurable: true });
  readOnly('version', b.version);
  // What moat is made of: the Node API level it implements, itself, and its engine with the
  // Unicode tables the engine was built with; and the OpenSSL level its crypto and TLS answer
  // as (Node 24.19's 3.5.7: its algorithms, error codes and messages), which programs and
  // Node's tests read to tell whether crypto is there. Other components moat does not contain
  // (V8, libuv, N-API, …) have no entry.
  const versions = {};
  for (const [key, value] of Object.entries({
    node: b.version.slice(1), moat: b.moatVersion, quickjs: b.engineVersion, unicode: '17.0',
    openssl: '3.5.7',
  })) {
    Object.defineProperty(versions, key, { value, writable: false, enumerable: true, configurable: true });
  }
  readOnly('versions', versions);
  process.arch = b.arch;
  process.platform = 'linux';
  // Node's release moat follows; there is no source or headers tarball of moat's to point at.
  readOnly('release', { name: 'node', lts: 'Krypton' });
  process.argv0 = b.argv0;
  process.execArgv = b.execArgv;
  process.execPath = b.execPath;
  process.argv = [b.execPath, ...b.args];
  process.env = envProxy(b.envObject());
  process.pid = b.pid;
  process.ppid = b.ppid;
  let exitCode;
  Object.defineProperty(process, 'exitCode', {
    enumerable: true,
    configurable: false,
    get() { return exitCode; },
    set(code) {
      validateExitCode(code);
      exitCode = code;
    },
  });
  process._exiting = false;
  // Build settings in Node's shape: a release build, not shared, without ICU or sanitizers.
  readOnly('config', Object.freeze({
    target_defaults: Object.freeze({
      cflags: [], default_configuration: 'Release', defines: [], include_dirs: [], libraries: [],
    }),
    variables: Object.freeze({
      asan: 0, node_shared: false, v8_enable_i18n_support: 0, node_builtin_shareable_builtins: [],
      node_use_amaro: false, node_use_lief: false,
    }),
  }));
  process.features = {
    inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: false, tls_sni: false, tls_ocsp: false, tls: false,
    openssl_is_boringssl: false, cached_builtins: true, require_module: require('internal/options').requireModule(), typescript: false, quic: false,
  };
  process.moduleLoadList = [];
  process.cwd = function cwd() {
    try {
      return b.cwd();
    } catch (err) {
      // Node's wording for the usual cause.
      if (err.code === 'ENOENT') {
        err.message = 'ENOENT: process.cwd failed with error no such file or directory, the current working ' +
          'directory was likely removed without changing the working directory, uv_cwd';
      }
      throw err;
    }
  };
  process.chdir = (dir) => { validateString(dir, 'directory'); b.chdir(dir); };
  process.umask = function umask(mask) {
    if (mask === undefined) return b.umask(undefined);
    if (typeof mask === 'string') {
      if (!/^[0-7]+$/.test(mask)) {
        throw new codes.ERR_INVALID_ARG_VALUE('mask', mask, 'must be a 32-bit unsigned integer or an octal string');
      }
      mask = parseInt(mask, 8);
    }
    validateUint32(mask, 'mask');
    // Only the permission bits count, as the kernel keeps them.
    return b.umask(mask & 0o777);
  };
  process.getuid = () => b.getuid();
  process.geteuid = () => b.geteuid();
  process.getgid = () => b.getgid();
  process.getegid = () => b.getegid();
  // Node always includes the effective group id.
  process.getgroups = () => {
    const groups = b.getgroups();
    const egid = b.getegid();
    if (egid >= 0 && !groups.includes(egid)) groups.push(egid);
    return groups;
  };
  process.hrtime = function hrtime(time) {
    const ns = timers.hrtimeNs();
    let sec = Math.floor(ns / 1e9);
    let nsec = ns - sec * 1e9;
    if (time !== undefined) {
      if (!Array.isArray(time)) throw new codes.ERR_INVALID_ARG_TYPE('time', 'Array', time);
      if (time.length !== 2) throw new codes.ERR_OUT_OF_RANGE('time', 2, time.length);
      sec -= time[0];
      nsec -= time[1];
      if (nsec < 0) { sec -= 1; nsec += 1e9; }
    }
    return [sec, nsec];
  };
  process.hrtime.bigint = () => timers.hrtimeBigint();
  process.uptime = () => timers.now() / 1000;
  process.memoryUsage = function memoryUsage() {
    const [rss, heapTotal, heapUsed, external, arrayBuffers] = b.memoryUsage();
    return { rss, heapTotal, heapUsed, external, arrayBuffers };
  };
  process.memoryUsage.rss = () => b.memoryUsage()[0];
  // CPU time in microseconds, less `prevValue`'s when given.
  const usage = (user, system, prevValue) => {
    if (prevValue !== undefined) {
      if (prevValue === null || typeof prevValue !== 'object' || Array.isArray(prevValue)) {
        throw new codes.ERR_INVALID_ARG_TYPE('prevValue', 'object', prevValue);
      }
      for (const key of ['user', 'system']) {
        const v = prevValue[key];
        if (typeof v !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(`prevValue.${key}`, 'number', v);
        if (!(v >= 0 && v <= Number.MAX_SAFE_INTEGER)) throw new codes.ERR_INVALID_ARG_VALUE.RangeError(`prevValue.${key}`, v);
      }
    }
    const r = { user: Math.round(user), system: Math.round(system) };
    if (prevValue !== undefined) {
      r.user -= prevValue.user;
      r.system -= prevValue.system;
    }
    return r;
  };
  process.cpuUsage = function cpuUsage(prevValue) {
    const [user, system] = b.cpuUsage();
    return usage(user, system, prevValue);
  };
  process.threadCpuUsage = function threadCpuUsage(prevValue) {
    const [user, system] = b.threadCpuUsage();
    return usage(user, system, prevValue);
  };
  process.resourceUsage = () => require('internal/process/resources').resourceUsage(b);
  // The signal itself: undefined when sent, else the failure as `[code, errno]`.
  process._kill = function _kill(pid, sig) { return b.kill(pid, sig); };
  process.kill = function kill(pid, sig = 'SIGTERM') {
    // eslint-disable-next-line eqeqeq
    if (pid != (pid | 0)) throw new codes.ERR_INVALID_ARG_TYPE('pid', 'number', pid);
    let num;
    if (typeof sig === 'number') num = sig;
    else if (typeof sig === 'string' && Object.hasOwn(signals, sig)) num = signals[sig];
    else throw new codes.ERR_UNKNOWN_SIGNAL(typeof sig === 'string' ? sig : require('internal/util/inspect').inspect(sig));
    // Through the property, as in Node: a program may replace process._kill.
    const failure = process._kill(pid | 0, num);
    // Node's wording for a failed kill: `kill ESRCH`.
    if (Array.isArray(failure)) {
      const [code, errno] = failure;
      const err = new Error(`kill ${code}`);
      Object.assign(err, { errno, code, syscall: 'kill' });
      throw err;
    }
    return true;
  };
  process.abort = () => b.reallyExit(134);
  process.emitWarning = function emitWarning(...args) {
    return require('internal/process/warning').emitWarning.apply(this, args);
  };
  // Node's C++ bindings do not exist in moat.
  process.binding = (name) => { throw new Error(`No such module: ${name}`); };
  let allowedFlags;
  Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
    enumerable: true,
    configurable: true,
    get() { return (allowedFlags ??= require('internal/process/allowed_flags').create()); },
    set(value) { Object.defineProperty(this, 'allowedNodeEnvironmentFlags', { value, configurable: true, enumerable: true, writable: true }); },
  });
  // Diagnostic reports: the settings are Node's defaults; producing a report is not implemented.
  process.report = {
    compact: false, directory: '', filename: '', excludeNetwork: false, signal: 'SIGUSR2',
    reportOnFatalError: false, reportOnSignal: false, reportOnUncaughtException: false,
    getReport: thrower('process.report.getReport'), writeReport: thrower('process.report.writeReport'),
  };
  process.availableMemory = () => internalBinding('os').freemem();
  process.constrainedMemory = () => internalBinding('os').constrainedMemory();
  // process.ref/unref: the Symbol-based protocol, then the legacy methods.
  process.ref = (maybeRefable) => {
    if (maybeRefable == null) return;
    const fn = maybeRefable[Symbol.for('nodejs.ref')] ?? maybeRefable.ref;
    if (typeof fn === 'function') fn.call(maybeRefable);
  };
  process.unref = (maybeRefable) => {
    if (maybeRefable == null) return;
    const fn = maybeRefable[Symbol.for('nodejs.unref')] ?? maybeRefable.unref;
    if (typeof fn === 'function') fn.call(maybeRefable);
  };
  process.getActiveResourcesInfo = () => require('internal/loop').activeResources();
  // The loop keeps no owner objects for its handles and requests to list.
  process._getActiveHandles = thrower('process._getActiveHandles');
  process._getActiveRequests = thrower('process._getActiveRequests');
  process.getBuiltinModule = function getBuiltinModule(id) {
    validateString(id, 'id');
    const { builtinModules } = require('module');
    const name = id.startsWith('node:') ? id.slice(5) : id;
    // A module only reachable with the `node:` scheme (node:test, node:sqlite, …) needs it.
    if (builtinModules.includes(name) || (id.startsWith('node:') && builtinModules.includes(id))) {
      return require(id);
    }
    return undefined;
  };
  // Set only by their flags, as in Node; a program may set them itself.
  const { hasFlag } = require('internal/options');
  if (hasFlag('--no-deprecation')) process.noDeprecation = true;
  if (hasFlag('--throw-deprecation')) process.throwDeprecation = true;
  if (hasFlag('--trace-deprecation')) process.traceDeprecation = true;
  Object.defineProperty(process, 'sourceMapsEnabled', {
    enumerable: true,
    configurable: true,
    get() { return require('internal/source_map/cache').isEnabled(); },
  });
  process.setSourceMapsEnabled = function setSourceMapsEnabled(enabled) {
    validateBoolean(enabled, 'enabled');
    require('internal/source_map/cache').setSourceMapsSupport(enabled, { nodeModules: true, generatedCode: true });
  };
  // The old way to read stdin: resumed, and returned.
  process.openStdin = function openStdin() {
    process.stdin.resume();
    return process.stdin;
  };
  process.loadEnvFile = function loadEnvFile(path = undefined) {
    return require('internal/process/env_file').loadEnvFile(process, path);
  };
  require('internal/process/credentials').install(process, b);
  let finalization;
  Object.defineProperty(process, 'finalization', {
    enumerable: true,
    configurable: true,
    get() { return (finalization ??= require('internal/process/finalization').finalization); },
  });
  // A debugging write to stderr that goes around process.stderr and the tick queue.
  process._rawDebug = function _rawDebug(...args) {
    const { format } = require('internal/util/inspect');
    b.writeStdio(2, `${format(...args)}\n`);
  };
  // Node defines `process.permission` only under its permission model (`--permission`, and
  // always in moat's sandbox).
  if (b.permission) {
    process.permission = {
      has(scope, reference) {
        validateString(scope, 'scope');
        if (reference !== undefined) validateString(reference, 'reference');
        return b.permissionHas(scope, reference);
      },
    };
  }
  process.setUncaughtExceptionCaptureCallback = function setUncaughtExceptionCaptureCallback(fn) {
    if (fn === null) {
      process._captureCallback = undefined;
      return;
    }
    if (typeof fn !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
    if (process._captureCallback !== undefined) throw new codes.ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
    process._captureCallback = fn;
  };
  process.hasUncaughtExceptionCaptureCallback = () => typeof process._captureCallback === 'function';
  require('internal/child_process/ipc_child').setup(process, b.sandboxed);
  return process;
}

module.exports = { create, signals, validateExitCode };

// Lazy stdio streams, as Node creates them on first use.
const streams = { stdout: undefined, stderr: undefined, stdin: undefined };
const streamGetters = {
  stdout() { return streams.stdout ??= new (require('internal/process/stdio').WriteStream)(1); },
  stderr() { return streams.stderr ??= new (require('internal/process/stdio').WriteStream)(2); },
  stdin() { return streams.stdin ??= new (require('internal/process/stdio').ReadStream)(); },
};
function installStdio(process) {
  for (const name of ['stdout', 'stderr', 'stdin']) {
    Object.defineProperty(process, name, { configurable: true, enumerable: true, get: streamGetters[name] });
  }
}

// The stream `process.stdout` or `process.stderr` is, once the program may have seen it (it
// was read, or the property replaced); undefined before, when writing to the descriptor itself
// is the same thing.
function streamInUse(process, name) {
  const desc = Object.getOwnPropertyDescriptor(process, name);
  if (desc !== undefined && desc.get === streamGetters[name]) return streams[name];
  return process[name];
}
module.exports.streamInUse = streamInUse;
