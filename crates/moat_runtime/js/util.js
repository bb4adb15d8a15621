'use strict';
// node:util

const { inspect, format, formatWithOptions, stripVTControlCharacters } = require('internal/util/inspect');
const { codes } = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');
const types = require('util/types');

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisify]) {
    const fn = original[kCustomPromisify];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  }
  function fn(...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [...args, (err, ...values) => {
        if (err) return reject(err);
        resolve(values[0]);
      }]);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = kCustomPromisify;

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const cb = args.pop();
    validateFunction(cb, 'last argument');
    const onOk = (ret) => process.nextTick(cb, null, ret);
    const onErr = (rej) => {
      if (!rej) {
        const e = new codes.ERR_FALSY_VALUE_REJECTION();
        e.reason = rej;
        rej = e;
      }
      process.nextTick(cb, rej);
    };
    Reflect.apply(original, this, args).then(onOk, onErr);
  }
  Object.defineProperties(callbackified, Object.getOwnPropertyDescriptors(original));
  return callbackified;
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new codes.ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) throw new codes.ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  if (superCtor.prototype === undefined) throw new codes.ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const deprecations = new Set();
function deprecate(fn, msg, code) {
  validateFunction(fn, 'fn');
  let warned = false;
  function deprecated(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code !== undefined) {
        if (!deprecations.has(code)) {
          deprecations.add(code);
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

const { isDeepStrictEqual } = require('internal/util/comparisons');

function getCallSites(frameCount = 8, options) {
  if (typeof frameCount === 'object') { options = frameCount; frameCount = 8; }
  const err = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = frameCount + 1;
  const prepare = Error.prepareStackTrace;
  Error.prepareStackTrace = (_, sites) => sites;
  Error.captureStackTrace(err, getCallSites);
  const sites = err.stack;
  Error.prepareStackTrace = prepare;
  Error.stackTraceLimit = limit;
  if (!Array.isArray(sites)) return [];
  void options;
  return sites.slice(0, frameCount).map((s) => ({
    functionName: s.getFunctionName() || '',
    scriptName: s.getFileName() || '',
    scriptId: '0',
    lineNumber: s.getLineNumber() || 0,
    columnNumber: s.getColumnNumber() || 0,
    column: s.getColumnNumber() || 0,
  }));
}

// Colours only when the stream shows them (FORCE_COLOR, NO_COLOR and a TTY decide), unless
// `validateStream` is false.
function shouldColorize(stream) {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (process.env.NO_COLOR !== undefined || process.env.NODE_DISABLE_COLORS !== undefined) return false;
  return !!(stream && stream.isTTY && (typeof stream.hasColors !== 'function' || stream.hasColors()));
}

function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, 'text');
  const formats = Array.isArray(format) ? format : [format];
  let left = '', right = '';
  for (const key of formats) {
    const code = inspect.colors[key];
    if (code === undefined) {
      const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_VALUE('format', key, `must be one of: ${Object.keys(inspect.colors).join(', ')}`);
    }
    left += `\u001b[${code[0]}m`;
    right = `\u001b[${code[1]}m${right}`;
  }
  if (validateStream && !shouldColorize(stream)) return text;
  return `${left}${text}${right}`;
}

function isArray(v) { return Array.isArray(v); }

// NODE_DEBUG=a,b*,c names the sections whose debuglog writes to stderr.
function debugEnabled(section) {
  const spec = process.env.NODE_DEBUG;
  if (!spec) return false;
  return spec.split(/[\s,]+/).filter(Boolean).some((pattern) => {
    const re = new RegExp(`^${pattern.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
    return re.test(section);
  });
}

function debuglog(set, cb) {
  const section = `${set}`.toUpperCase();
  let impl;
  function init() {
    impl = debugEnabled(section)
      ? (...args) => process.stderr.write(`${section} ${process.pid}: ${format(...args)}\n`)
      : () => {};
    if (typeof cb === 'function') cb(impl);
  }
  const logger = (...args) => {
    if (impl === undefined) init();
    impl(...args);
  };
  Object.defineProperty(logger, 'enabled', {
    get() { return debugEnabled(section); },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

module.exports = {
  inspect, format, formatWithOptions, stripVTControlCharacters, promisify, callbackify, inherits, deprecate,
  isDeepStrictEqual, getCallSites, styleText, types, isArray,
  debuglog,
  get TextEncoder() { return globalThis.TextEncoder; },
  get TextDecoder() { return globalThis.TextDecoder; },
  toUSVString(s) { return String(s).toWellFormed(); },
  aborted(signal, resource) {
    void resource;
    return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  },
  parseArgs(config) { return require('internal/util/parse_args').parseArgs(config); },
  MIMEType: require('internal/errors').thrower('util.MIMEType'),
};
module.exports.debug = module.exports.debuglog;
