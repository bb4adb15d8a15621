'use strict';
// Runs the entry point and the event loop; owns uncaught errors, beforeExit/exit and the exit code.

const timersBinding = internalBinding('timers');
// The process binding, taken when the run starts (the module may load before it is known).
let b;
const loader = internalBinding('loader');
const current = require('internal/process/current');

function exitCodeOf(code) {
  if (code === undefined || code === null) return 0;
  return Number(code) | 0;
}

// How an uncaught error is printed (`internal/main/report`), loaded with the first one.
const report = () => require('internal/main/report');

let handlingFatal = false;
// An uncaught exception (`origin` 'uncaughtException') or a rejection raised as one
// ('unhandledRejection'): 'uncaughtExceptionMonitor' sees it first, then the capture callback
// or the 'uncaughtException' listeners handle it; with neither, 'exit' runs, then Node's
// report is printed and the process ends.
function onFatal(err, origin = 'uncaughtException') {
  // The real process object, whatever the program put in the global's place.
  const process = current.get();
  // A program that replaced process._fatalException with something else cannot be helped:
  // Node ends with 6.
  if (typeof process._fatalException !== 'function') {
    report().printFatal(err);
    hardExit(6);
  }
  if (handlingFatal) {
    // Thrown by an 'uncaughtException' listener: no second chance.
    report().printFatal(err);
    hardExit(7);
  }
  handlingFatal = true;
  try {
    process.emit('uncaughtExceptionMonitor', err, origin);
    if (typeof process._captureCallback === 'function') {
      process._captureCallback(err);
      handlingFatal = false;
      return;
    }
    if (process.emit('uncaughtException', err, origin)) {
      handlingFatal = false;
      return;
    }
  } catch (err2) {
    report().printFatal(err2);
    hardExit(7);
  }
  // An 'exit' listener may still change the code; what one throws is dropped.
  try {
    if (!process._exiting) {
      process._exiting = true;
      exitEmitted = true;
      process.exitCode = 1;
      process.emit('exit', 1);
    }
  } catch {
    // Nothing more can be done for it: the original error is what is reported.
  }
  // A worker's goes to its parent's 'error' event instead.
  if (inWorker) require('internal/worker/thread').reportFatal(err);
  else report().printFatal(err);
  hardExit(process.exitCode === undefined ? 1 : exitCodeOf(process.exitCode));
}

// Whether this engine runs a worker thread's program.
let inWorker = false;

// Ends the run now: the process, or in a worker its thread.
function hardExit(code) {
  if (inWorker) internalBinding('worker').exit(code);
  else b.reallyExit(code);
}

// `--unhandled-rejections=MODE` (Node's default: throw).
let rejectionMode;
function unhandledRejectionsMode() {
  if (rejectionMode === undefined) {
    const { hasFlag } = require('internal/options');
    rejectionMode = ['strict', 'warn', 'none', 'warn-with-error-code', 'throw']
      .find((m) => hasFlag(`--unhandled-rejections=${m}`)) ?? 'throw';
  }
  return rejectionMode;
}

// Node counts every promise rejected with no handler yet (the "rejection id" of its warnings).
let lastRejectionId = 0;
const rejectionIds = new WeakMap();

function onRejectionEvent(promise, reason, handled) {
  if (!handled) {
    rejectionIds.set(promise, ++lastRejectionId);
  } else if (reportedRejections.has(promise)) {
    // A rejection reported as unhandled got its handler: 'rejectionHandled' from a tick of its
    // own (what a listener throws is an uncaught exception), and Node's warning when no
    // listener takes the news.
    reportedRejections.delete(promise);
    const id = rejectionIds.get(promise);
    // After the handler's own job (queued once this hook returns) and the other microtasks:
    // a tick queued from a microtask runs when they are done.
    queueMicrotask(() => process.nextTick(() => {
      if (process.emit('rejectionHandled', promise)) return;
      const warning = new Error(`Promise rejection was handled asynchronously (rejection id: ${id})`);
      warning.name = 'PromiseRejectionHandledWarning';
      warning.id = id;
      process.emitWarning(warning);
    }));
    return;
  }
  require('internal/loop').onRejection(promise, reason, handled);
}

const reportedRejections = new WeakSet();

// Node's test for a value reported with its stack.
function isErrorLike(value) {
  return value instanceof Error ||
    (value !== null && typeof value === 'object' && Object.hasOwn(value, 'stack'));
}

function warnUnhandledRejection(promise, reason) {
  const id = rejectionIds.get(promise);
  let detail;
  try {
    detail = isErrorLike(reason) ? reason.stack : String(reason);
  } catch {
    detail = undefined;
  }
  if (detail !== undefined) process.emitWarning(`${detail}`, 'UnhandledPromiseRejectionWarning');
  const warning = new Error('Unhandled promise rejection. This error originated either by throwing inside of an ' +
    'async function without a catch block, or by rejecting a promise which was not handled with .catch(). To ' +
    'terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict` ' +
    `(see https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). (rejection id: ${id})`);
  warning.name = 'UnhandledPromiseRejectionWarning';
  if (isErrorLike(reason)) {
    try { warning.stack = reason.stack; } catch { /* the reason's stack could not be read */ }
  }
  process.emitWarning(warning);
}

// A rejection still unhandled after the microtasks that followed it, by the mode in force.
function onUnhandledRejection(promise, reason) {
  reportedRejections.add(promise);
  const asError = () => (isErrorLike(reason) ? reason : report().rejectionError(reason));
  switch (unhandledRejectionsMode()) {
    case 'strict': {
      onFatal(asError(), 'unhandledRejection');
      if (!process.emit('unhandledRejection', reason, promise)) warnUnhandledRejection(promise, reason);
      return;
    }
    case 'warn':
      process.emit('unhandledRejection', reason, promise);
      warnUnhandledRejection(promise, reason);
      return;
    case 'none':
      process.emit('unhandledRejection', reason, promise);
      return;
    case 'warn-with-error-code':
      if (!process.emit('unhandledRejection', reason, promise)) {
        warnUnhandledRejection(promise, reason);
        process.exitCode = 1;
      }
      return;
    default:
      if (!process.emit('unhandledRejection', reason, promise)) onFatal(asError(), 'unhandledRejection');
  }
}

let exitEmitted = false;
// The end of a run: 'exit' with the exit code, which stays unset unless the program set it.
function emitExit(code) {
  if (exitEmitted) return;
  exitEmitted = true;
  // The real process object, whatever the program put in the global's place.
  const process = current.get();
  process._exiting = true;
  process.emit('exit', exitCodeOf(process.exitCode ?? code));
}

// What `process` gets from here as it is built: exit, reallyExit and the default 'warning'
// listener.
function attach(process) {
  process.exit = function exit(code) {
    if (arguments.length !== 0) process.exitCode = code;
    if (!process._exiting) {
      process._exiting = true;
      exitEmitted = true;
      process.emit('exit', exitCodeOf(process.exitCode));
    }
    // Through the property: a program may replace process.reallyExit.
    process.reallyExit(exitCodeOf(process.exitCode));
  };
  process.reallyExit = function reallyExit(code) { b.reallyExit(exitCodeOf(code)); };
  process._fatalException = function _fatalException(err, fromPromise) {
    onFatal(err, fromPromise ? 'unhandledRejection' : 'uncaughtException');
    return true;
  };
  process.on('warning', function onWarning(warning) { require('internal/process/warning').onWarning(warning); });
}

// The global `gc()`: a full collection now; `{ execution: 'async' }` answers with a promise.
function exposeGc() {
  Object.defineProperty(globalThis, 'gc', {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function gc(options) {
      b.gc();
      if (options !== null && typeof options === 'object' && options.execution === 'async') return Promise.resolve();
      return undefined;
    },
  });
}

function evalSource(source, filename, print, forceModule) {
  const inputType = b.inputType;
  const asModule = forceModule || inputType === 'module' ||
    (inputType === '' && loader.isEsmSyntax(source));
  if (asModule) {
    // From a microtask, as an ES module entry file is (see cjs.Module.runMain).
    const p = Promise.resolve().then(() => loader.evalModule(source, filename));
    p.then(undefined, () => {});
    return p.then(() => undefined);
  }
  const result = require('internal/modules/cjs/entry').evalScript(source, filename);
  if (print) {
    const { inspect } = require('internal/util/inspect');
    process._rawWrite(1, `${typeof result === 'string' ? result : inspect(result)}\n`);
  }
  return undefined;
}

function runEntry() {
  const cjs = require('internal/modules/cjs');
  cjs.Module._initPaths();
  for (const r of b.requires) require('internal/modules/cjs/entry').preload(r);
  const imports = b.imports;
  const loaders = b.loaders;
  const { hasFlag } = require('internal/options');
  const check = hasFlag('--check') || hasFlag('-c');
  const start = () => {
    if (check) {
      const entry = require('internal/modules/cjs/entry');
      if (b.entryKind === 'file') entry.checkSyntax(b.entryValue);
      else entry.checkSource(b.readStdin(), '[stdin]');
      return undefined;
    }
    switch (b.entryKind) {
      case 'file': return cjs.Module.runMain(b.entryValue);
      case 'eval': return evalSource(b.entryValue, '[eval]', false);
      case 'print': return evalSource(b.entryValue, '[eval]', true);
      default: {
        // No script and a terminal to type into (or -i): the REPL, as node starts it.
        const { hasFlag } = require('internal/options');
        if (internalBinding('tty').isatty(0) || hasFlag('-i') || hasFlag('--interactive')) {
          return require('internal/repl/cli').start();
        }
        const src = b.readStdin();
        return evalSource(src, '[stdin]', false);
      }
    }
  };
  // Each --experimental-loader module's hooks are registered as register() would, relative to
  // the working directory, before any --import runs.
  if (loaders.length > 0) {
    const { pathToFileURL } = require('internal/url');
    const { register } = require('internal/modules/hooks_async');
    for (const spec of loaders) {
      process.emitWarning('`--experimental-loader` may be removed in the future; instead use `register()`:\n' +
        '--import \'data:text/javascript,import { register } from "node:module"; import { pathToFileURL } from ' +
        `"node:url"; register(${JSON.stringify(spec)}, pathToFileURL("./"));'`, 'ExperimentalWarning');
      register(spec, pathToFileURL(`${process.cwd()}/`).href);
    }
  }
  if (imports.length > 0) {
    let chain = Promise.resolve();
    for (const spec of imports) chain = chain.then(() => loader.importModule(spec, `${process.cwd()}/[preload]`));
    watchEntry(chain.then(start));
    return;
  }
  const r = start();
  if (r && typeof r.then === 'function') watchEntry(r);
}

// An ES module entry's evaluation, while it has not settled: when the loop runs out of work
// with it still pending, its top-level await can never finish.
let unsettledEntry = null;
function watchEntry(promise) {
  unsettledEntry = promise;
  const settled = () => { if (unsettledEntry === promise) unsettledEntry = null; };
  promise.then(settled, (err) => {
    settled();
    onFatal(err);
  });
}

function entryName() {
  if (b.entryKind === 'file') return require('internal/url').pathToFileURL(b.entryValue).href;
  return require('internal/url').pathToFileURL(`${process.cwd()}/${b.entryKind === 'stdin' ? '[stdin]' : '[eval1]'}`).href;
}

// The event loop until nothing keeps it alive, with 'beforeExit' each time it runs dry.
function runLoop(loop) {
  loop.processTicksAndRejections();
  for (;;) {
    loop.run();
    // A program that never built `process` has no 'beforeExit' or 'exit' listener.
    const p = current.peek();
    if (p !== undefined && !p._exiting) {
      loop.runCallback(() => p.emit('beforeExit', exitCodeOf(p.exitCode)));
    }
    if (!loop.isAlive()) return;
  }
}

function setUp() {
  b = internalBinding('process');
  const { hasFlag } = require('internal/options');
  if (hasFlag('--expose-gc') || hasFlag('--expose_gc')) exposeGc();
  if (hasFlag('--no-experimental-websocket')) {
    delete globalThis.WebSocket;
    delete globalThis.CloseEvent;
  }
  timersBinding.setRejectionHook(onRejectionEvent);
}

function run() {
  setUp();
  try {
    let internalEntry;
    if (internalBinding('worker').isWorker()) {
      inWorker = true;
      internalEntry = require('internal/worker/thread').setUpWorker();
    }
    if (internalEntry !== undefined) require(internalEntry);
    else runEntry();
  } catch (err) {
    onFatal(err);
  }
  return finish();
}

// `moat serve`: what the app queued (promise jobs, ticks, the event loop) runs until nothing
// keeps the loop alive, or until `done()` when given; the process is not ending, so there is
// no 'beforeExit'.
function runQueued(done) {
  if (!require.isLoaded('internal/loop')) timersBinding.runMicrotasks();
  if (require.isLoaded('internal/loop')) {
    const loop = require('internal/loop');
    loop.processTicksAndRejections();
    loop.run(done);
  }
}

let serveModule = null;
const served = () => {
  serveModule ??= require('internal/serve');
  return serveModule;
};

// `moat serve`, first half: the app loads, and what it queued runs until it has loaded, has a
// handler, and what is left waits for time to pass or for I/O (an interval it set would
// otherwise keep it loading for ever), without 'beforeExit': the process is not ending. The
// host snapshots the memory this leaves.
function serveInit() {
  setUp();
  let loaded = false;
  try {
    const loading = served().init(b.entryValue);
    watchEntry(loading);
    const settle = () => { loaded = true; };
    loading.then(settle, settle);
  } catch (err) {
    loaded = true;
    onFatal(err);
  }
  // An app that has no handler yet is still setting up (a `listen()` after a delay, say): its
  // loop runs until it has one, or until nothing is left.
  runQueued(() => loaded && served().hasHandler() && require('internal/loop').idle());
}

// Serves one request with the app `serveInit` loaded: the event loop runs until the request
// is answered, its `waitUntil` promises settle and nothing else is ready to run (a logger's
// callback queued as the response finished, say), not until it is empty (timers the app set
// while it loaded, an interval say, would keep it alive for ever). Returns whether it settled.
function serveOne() {
  let settled = false;
  const done = () => settled && require('internal/loop').idle();
  try {
    served().handle().then(() => { settled = true; }, (err) => {
      settled = true;
      onFatal(err);
    });
  } catch (err) {
    settled = true;
    onFatal(err);
  }
  runQueued(done);
  return settled;
}

// `moat serve`, second half, in a copy of that memory: one request. The process does not end
// with it (as a Node server's does not after a request): no 'beforeExit' or 'exit', and what
// the app left waiting is dropped with the instance. Returns the exit code the app set, if any.
function serveRequest() {
  serveOne();
  const p = current.peek();
  return p === undefined ? 0 : exitCodeOf(p.exitCode);
}

// `moat serve --isolation=pool`: the next request in a warm instance. Between requests the
// instance is still, and timers the app keeps fire during later ones. Returns 0, or 1 when the
// loop ran dry before the request settled (the host then retires the instance).
function serveNext() {
  return serveOne() ? 0 : 1;
}

// The end of a run: the event loop until nothing keeps it alive, 'exit', the exit code.
function finish() {
  // A program that scheduled nothing through the event loop (no timer, tick, handle or
  // rejection) may still have queued promise jobs; what they schedule goes to the loop below.
  if (!require.isLoaded('internal/loop')) timersBinding.runMicrotasks();
  if (require.isLoaded('internal/loop')) runLoop(require('internal/loop'));
  // Node exits with 13 after a warning, unless the program set its own exit code.
  if (unsettledEntry !== null && !current.get()._exiting && current.get().exitCode === undefined) {
    const process = current.get();
    if (!require('internal/options').hasFlag('--no-warnings')) {
      process._rawWrite(2, `Warning: Detected unsettled top-level await at ${entryName()}\n`);
    }
    process.exitCode = 13;
  }
  const p = current.peek();
  if (p === undefined) return 0;
  try {
    emitExit(0);
  } catch (err) {
    onFatal(err);
  }
  return exitCodeOf(p.exitCode);
}

module.exports = { run, serveInit, serveRequest, serveNext, onFatal, onUnhandledRejection, attach };
