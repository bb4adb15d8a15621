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
function onFatal(err) {
  if (handlingFatal) {
    report().printFatal(err);
    b.reallyExit(7);
  }
  if (typeof process._captureCallback === 'function') {
    process._captureCallback(err);
    return;
  }
  if (process.listenerCount('uncaughtException') > 0) {
    handlingFatal = true;
    try {
      process.emit('uncaughtException', err, 'uncaughtException');
    } catch (err2) {
      report().printFatal(err2);
      b.reallyExit(7);
    }
    handlingFatal = false;
    return;
  }
  report().printFatal(err);
  process.exitCode = 1;
  // An 'exit' listener may still change the code; one that throws now only ends the process.
  try {
    emitExit(1);
  } catch (err2) {
    report().printFatal(err2);
    b.reallyExit(7);
  }
  b.reallyExit(exitCodeOf(process.exitCode));
}

function onUnhandledRejection(promise, reason) {
  if (process.listenerCount('unhandledRejection') > 0) {
    process.emit('unhandledRejection', reason, promise);
    return;
  }
  onFatal(reason instanceof Error ? reason : report().rejectionError(reason));
}

let exitEmitted = false;
function emitExit(code) {
  if (exitEmitted) return;
  exitEmitted = true;
  process._exiting = true;
  if (process.exitCode === undefined) process.exitCode = code;
  process.emit('exit', exitCodeOf(process.exitCode));
}

// What `process` gets from here as it is built: exit, reallyExit and the default 'warning'
// listener.
function attach(process) {
  process.exit = function exit(code) {
    if (code !== undefined && code !== null) process.exitCode = code;
    if (!process._exiting) {
      process._exiting = true;
      exitEmitted = true;
      process.emit('exit', exitCodeOf(process.exitCode));
    }
    b.reallyExit(exitCodeOf(process.exitCode));
  };
  process.reallyExit = (code) => b.reallyExit(exitCodeOf(code));
  process.on('warning', function onWarning(warning) { require('internal/process/warning').onWarning(warning); });
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
        const src = b.readStdin();
        return evalSource(src, '[stdin]', false);
      }
    }
  };
  if (imports.length > 0 || loaders.length > 0) {
    let chain = Promise.resolve();
    // A loader module is imported as Node does; the hooks it may export cannot be run here.
    for (const spec of loaders) {
      chain = chain.then(() => loader.importModule(spec, `${process.cwd()}/[preload]`)).then((ns) => {
        for (const hook of ['initialize', 'resolve', 'load']) {
          if (typeof ns[hook] === 'function') {
            const { codes: { ERR_NOT_IMPLEMENTED } } = require('internal/errors');
            throw new ERR_NOT_IMPLEMENTED(`module customization hooks (the '${hook}' hook of --experimental-loader ${spec})`);
          }
        }
      });
    }
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

function run() {
  b = internalBinding('process');
  timersBinding.setRejectionHook((promise, reason, handled) =>
    require('internal/loop').onRejection(promise, reason, handled));
  try {
    runEntry();
  } catch (err) {
    onFatal(err);
  }
  // A program that scheduled nothing through the event loop (no timer, tick, handle or
  // rejection) may still have queued promise jobs; what they schedule goes to the loop below.
  if (!require.isLoaded('internal/loop')) timersBinding.runMicrotasks();
  if (require.isLoaded('internal/loop')) runLoop(require('internal/loop'));
  // Node exits with 13 after a warning, unless the program set its own exit code.
  if (unsettledEntry !== null && !process._exiting && process.exitCode === undefined) {
    if (!require('internal/options').hasFlag('--no-warnings')) {
      process._rawWrite(2, `Warning: Detected unsettled top-level await at ${entryName()}\n`);
    }
    process.exitCode = 13;
  }
  const p = current.peek();
  if (p === undefined) return 0;
  emitExit(0);
  return exitCodeOf(p.exitCode);
}

module.exports = { run, onFatal, onUnhandledRejection, attach };
