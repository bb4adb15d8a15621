'use strict';
// Installs Node's globals with Node's enumerability: the timer functions, queueMicrotask,
// structuredClone, atob/btoa, performance, fetch, crypto and navigator are enumerable; the
// rest (process, console, Buffer, URL, TextEncoder, …) are not.

// QuickJS-ng defines some of these (queueMicrotask, atob, btoa, performance) itself; deleting
// first puts each in Node's enumeration order and replaces the engine's version.
// Loaded on first use, then a plain data property as in Node.
function defineLazy(name, get, enumerable = false) {
  delete globalThis[name];
  const settle = (value) => {
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable });
    return value;
  };
  // Named `get <name>` and `set <name>`, as Node's accessors are.
  const accessors = Object.getOwnPropertyDescriptor({
    get [name]() { return settle(get()); },
    set [name](v) { settle(v); },
  }, name);
  Object.defineProperty(globalThis, name, { configurable: true, enumerable, get: accessors.get, set: accessors.set });
}

// `process` and `Buffer` stay accessors, as Node keeps them.
function defineAccessor(name, get) {
  delete globalThis[name];
  let value;
  let loaded = false;
  const accessors = Object.getOwnPropertyDescriptor({
    get [name]() {
      if (!loaded) { value = get(); loaded = true; }
      return value;
    },
    set [name](v) { value = v; loaded = true; },
  }, name);
  Object.defineProperty(globalThis, name, { configurable: true, enumerable: false, get: accessors.get, set: accessors.set });
}

function defineValue(name, value, enumerable = false) {
  delete globalThis[name];
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable });
}

// Calling a class throws V8's TypeError in Node; the engine's words differ.
function classCallError(err, fn) {
  if (err instanceof TypeError && err.message === "class constructors must be invoked with 'new'" &&
      /^class\b/.test(Function.prototype.toString.call(fn))) {
    const message = `Class constructor ${fn.name} cannot be invoked without 'new'`;
    if (typeof err.stack === 'string') err.stack = err.stack.replace(err.message, message);
    err.message = message;
  }
  return err;
}

let done = false;
// Needs nothing of the run (no options, no process state), so the sandbox's snapshot holds its
// result; a native start calls it as the run begins.
function setup() {
  if (done) return;
  done = true;
  // Explicit resource management symbols, where the engine has none yet.
  if (Symbol.dispose === undefined) Object.defineProperty(Symbol, 'dispose', { value: Symbol('Symbol.dispose') });
  if (Symbol.asyncDispose === undefined) Object.defineProperty(Symbol, 'asyncDispose', { value: Symbol('Symbol.asyncDispose') });
  require('internal/util/iterator_kinds').install();
  // WeakRef keeps its target through the job that made or read it (internal/weak_ref).
  require('internal/weak_ref').install();
  // JSON.parse's errors in V8's words (`internal/json_errors`, loaded only when one fails).
  const nativeParse = JSON.parse;
  Object.defineProperty(JSON, 'parse', {
    value: {
      parse(text, reviver) {
        try {
          return nativeParse(text, reviver);
        } catch (err) {
          if (err instanceof SyntaxError) require('internal/json_errors').explain(err, `${text}`);
          throw err;
        }
      },
    }.parse,
    writable: true, configurable: true, enumerable: false,
  });
  // Seeded from the OS at each start (sys::random), not at engine creation as QuickJS does.
  Object.defineProperty(Math, 'random', {
    value: internalBinding('crypto').mathRandom, writable: true, configurable: true, enumerable: false,
  });
  defineAccessor('process', () => require('internal/process/current').get());

  defineValue('global', globalThis, true);
  const timers = require('timers');
  defineValue('clearImmediate', timers.clearImmediate, true);
  defineValue('setImmediate', timers.setImmediate, true);
  defineValue('clearInterval', timers.clearInterval, true);
  defineValue('clearTimeout', timers.clearTimeout, true);
  defineValue('setInterval', timers.setInterval, true);
  defineValue('setTimeout', timers.setTimeout, true);
  defineValue('queueMicrotask', function queueMicrotask(callback) {
    if (typeof callback !== 'function') {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    Promise.resolve().then(() => {
      try {
        callback();
      } catch (err) {
        require('internal/main').onFatal(classCallError(err, callback));
      }
    });
  }, true);
  defineValue('structuredClone', function structuredClone(value, options) {
    return Reflect.apply(require('internal/structured_clone').structuredClone, undefined, arguments);
  }, true);
  const buffer = () => require('buffer');
  defineLazy('atob', () => buffer().atob, true);
  defineLazy('btoa', () => buffer().btoa, true);
  defineLazy('performance', () => require('perf_hooks').performance, true);
  defineValue('fetch', function fetch(input, init = undefined) {
    return require('internal/fetch').fetch(input, init);
  }, true);
  defineLazy('crypto', () => require('internal/crypto/web').crypto, true);
  defineLazy('Crypto', () => require('internal/crypto/web').Crypto);
  defineLazy('SubtleCrypto', () => require('internal/crypto/web').SubtleCrypto);
  defineLazy('CryptoKey', () => require('internal/crypto/webkeys').CryptoKey);
  // A getter without a setter, as in Node.
  delete globalThis.navigator;
  Object.defineProperty(globalThis, 'navigator', {
    configurable: true,
    enumerable: true,
    get: Object.getOwnPropertyDescriptor({ get navigator() { return require('internal/navigator').navigator; } },
      'navigator').get,
  });

  defineLazy('console', () => require('console'));
  defineLazy('WebAssembly', () => require('internal/wasm').WebAssembly);
  defineLazy('Intl', () => require('internal/intl').Intl);
  defineAccessor('Buffer', () => buffer().Buffer);
  defineLazy('URL', () => require('internal/url').URL);
  defineLazy('URLSearchParams', () => require('internal/url').URLSearchParams);
  defineLazy('TextEncoder', () => require('internal/encoding').TextEncoder);
  defineLazy('TextDecoder', () => require('internal/encoding').TextDecoder);
  const events = () => require('internal/event_target');
  defineLazy('DOMException', () => require('internal/dom_exception').DOMException);
  defineLazy('AbortController', () => events().AbortController);
  defineLazy('AbortSignal', () => events().AbortSignal);
  defineLazy('Event', () => events().Event);
  defineLazy('EventTarget', () => events().EventTarget);
  defineLazy('CustomEvent', () => events().CustomEvent);
  defineLazy('MessageEvent', () => events().MessageEvent);
  // Removed again at start by --no-experimental-websocket (internal/main.js).
  defineLazy('CloseEvent', () => events().CloseEvent);
  defineLazy('WebSocket', () => require('internal/websocket').WebSocket);
  defineLazy('Navigator', () => require('internal/navigator').Navigator);
  const messaging = () => require('internal/worker/messaging');
  defineLazy('MessageChannel', () => messaging().MessageChannel);
  defineLazy('MessagePort', () => messaging().MessagePort);
  defineLazy('BroadcastChannel', () => messaging().BroadcastChannel);
  defineLazy('Blob', () => buffer().Blob);
  defineLazy('File', () => buffer().File);
  for (const name of ['Performance', 'PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure', 'PerformanceObserver',
    'PerformanceObserverEntryList', 'PerformanceResourceTiming']) {
    defineLazy(name, () => require('perf_hooks')[name]);
  }
  defineLazy('URLPattern', () => require('internal/url/pattern').URLPattern);
  const webFetch = () => require('internal/fetch');
  defineLazy('Headers', () => webFetch().Headers);
  defineLazy('Request', () => webFetch().Request);
  defineLazy('Response', () => webFetch().Response);
  const webStreams = () => require('stream/web');
  for (const name of ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
    'ReadableStreamBYOBRequest', 'ReadableByteStreamController', 'ReadableStreamDefaultController',
    'TransformStream', 'TransformStreamDefaultController', 'WritableStream', 'WritableStreamDefaultWriter',
    'WritableStreamDefaultController', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream',
    'TextDecoderStream', 'CompressionStream', 'DecompressionStream']) {
    defineLazy(name, () => webStreams()[name]);
  }

  const cjs = require('internal/modules/cjs');
  internalBinding('loader').setHooks(require, cjs.requireForImport,
    (filename) => require('internal/modules/cjs/esm').warnTypelessPackage(filename),
    (bytes, url) => require('internal/wasm').esmModule(bytes, url),
    (bytes, url) => require('internal/wasm').sourceModule(bytes, url));
  require('internal/error_stack').setup();
}

module.exports = { setup };
