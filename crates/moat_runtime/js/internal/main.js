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

// Node prints the source line of the throw site, a caret under it, then the stack.
function sourceContext(err) {
  if (err === null || typeof err !== 'object' || typeof err.stack !== 'string') return '';
  const m = /\n\s+at (?:.*?\()?(\/[^:()]+):(\d+):(\d+)\)?/.exec(err.stack);
  if (!m) return '';
  let text;
  try { text = internalBinding('fs').readFileUtf8(m[1]); } catch { return ''; }
  const line = text.split('\n')[Number(m[2]) - 1];
  if (line === undefined) return '';
  const indent = line.length - line.trimStart().length;
  return `${m[1]}:${m[2]}\n${line}\n${' '.repeat(indent)}^\n\n`;
}

// Node's report of an uncaught exception: the throw site, then the error as inspect shows it.
// A thrown value that is not an error (no stack) is shown alone, primitives with a hint.
function printFatal(err) {
  const { inspect } = require('internal/util/inspect');
  require('internal/error_stack').explainStacklessError(err);
  const isErrorLike = err instanceof Error || (err !== null && typeof err === 'object' && typeof err.stack === 'string');
  let body;
  try {
    body = inspect(err, { colors: false });
  } catch {
    body = String(err);
  }
  if (isErrorLike) {
    const ctx = noSourceContext.has(err) ? '' : sourceContext(err);
    process._rawWrite(2, `${ctx}${body}\n\nNode.js ${process.version}\n`);
    return;
  }
  const primitive = err === null || (typeof err !== 'object' && typeof err !== 'function');
  const hint = primitive ? `\n(Use \`${process.release.name} --trace-uncaught ...\` to show where the exception was thrown)` : '';
  const shown = typeof err === 'string' ? err : body;
  process._rawWrite(2, `\n${shown}${hint}\n\nNode.js ${process.version}\n`);
}
// Errors moat raises itself, whose throw site is not the user's code.
const noSourceContext = new WeakSet();

let handlingFatal = false;
function onFatal(err) {
  if (handlingFatal) {
    printFatal(err);
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
      printFatal(err2);
      b.reallyExit(7);
    }
    handlingFatal = false;
    return;
  }
  printFatal(err);
  process.exitCode = 1;
  // An 'exit' listener may still change the code; one that throws now only ends the process.
  try {
    emitExit(1);
  } catch (err2) {
    printFatal(err2);
    b.reallyExit(7);
  }
  b.reallyExit(exitCodeOf(process.exitCode));
}

function onUnhandledRejection(promise, reason) {
  if (process.listenerCount('unhandledRejection') > 0) {
    process.emit('unhandledRejection', reason, promise);
    return;
  }
  let err = reason;
  if (!(reason instanceof Error)) {
    const { inspect } = require('internal/util/inspect');
    err = new Error('This error originated either by throwing inside of an async function without a catch block, ' +
      'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason ' +
      `"${inspect(reason)}".`);
    err.name = 'UnhandledPromiseRejection';
    err.code = 'ERR_UNHANDLED_REJECTION';
    noSourceContext.add(err);
  }
  onFatal(err);
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
  const cjs = require('internal/modules/cjs');
  const inputType = b.inputType;
  const asModule = forceModule || inputType === 'module' ||
    (inputType === '' && loader.isEsmSyntax(source));
  if (asModule) {
    // From a microtask, as an ES module entry file is (see cjs.Module.runMain).
    const p = Promise.resolve().then(() => loader.evalModule(source, filename));
    p.then(undefined, () => {});
    return p.then(() => undefined);
  }
  const result = cjs.evalScript(source, filename);
  if (print) {
    const { inspect } = require('internal/util/inspect');
    process._rawWrite(1, `${typeof result === 'string' ? result : inspect(result)}\n`);
  }
  return undefined;
}

function runEntry() {
  const cjs = require('internal/modules/cjs');
  cjs.Module._initPaths();
  for (const r of b.requires) cjs.preload(r);
  const imports = b.imports;
  const loaders = b.loaders;
  const { hasFlag } = require('internal/options');
  const check = hasFlag('--check') || hasFlag('-c');
  const start = () => {
    if (check) {
      if (b.entryKind === 'file') cjs.checkSyntax(b.entryValue);
      else cjs.checkSource(b.readStdin(), '[stdin]');
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
  const loop = require.isLoaded('internal/loop') ? require('internal/loop') : undefined;
  if (loop !== undefined) loop.processTicksAndRejections();
  while (loop !== undefined) {
    loop.run();
    // A program that never built `process` has no 'beforeExit' or 'exit' listener.
    const p = current.peek();
    if (p !== undefined && !p._exiting) {
      loop.runCallback(() => p.emit('beforeExit', exitCodeOf(p.exitCode)));
    }
    if (!loop.isAlive()) break;
  }
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
