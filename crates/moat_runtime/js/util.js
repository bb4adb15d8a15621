'use strict';
// node:util

const { inspect, format, formatWithOptions, stripVTControlCharacters } = require('internal/util/inspect');
const { codes } = require('internal/errors');
const {
  validateFunction, validateString, validateObject, validateBoolean, validateNumber, validateInteger,
} = require('internal/validators');
const types = require('util/types');
const binding = internalBinding('util');

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
// The names under which a callback API hands over several results (`{ bytesRead, buffer }`).
const kCustomPromisifyArgs = Symbol.for('nodejs.util.promisify.customArgs');

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisify]) {
    const fn = original[kCustomPromisify];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  }
  const argumentNames = original[kCustomPromisifyArgs];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const d of Object.values(descriptors)) Object.setPrototypeOf(d, null);
  return Object.defineProperties(fn, descriptors);
}
promisify.custom = kCustomPromisify;

// A falsy rejection reaches the callback as an error that carries it in `reason`.
function callbackifyOnRejected(reason, cb) {
  if (!reason) {
    const err = new codes.ERR_FALSY_VALUE_REJECTION();
    err.reason = reason;
    // The stack starts where the rejection was handled, not in the error's constructor.
    Error.captureStackTrace(err, callbackifyOnRejected);
    reason = err;
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const last = args.pop();
    validateFunction(last, 'last argument');
    const cb = last.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => process.nextTick(callbackifyOnRejected, rej, cb),
    );
  }
  // Same own properties as the original, with one more parameter and a name that says so.
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (descriptors.length && typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (descriptors.name && typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  for (const d of Object.values(descriptors)) Object.setPrototypeOf(d, null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new codes.ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) throw new codes.ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  if (superCtor.prototype === undefined) throw new codes.ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

// Codes already warned about: each deprecation code warns once per process.
const codesWarned = new Set();
function deprecate(fn, msg, code, { modifyPrototype = true } = {}) {
  if (code !== undefined) validateString(code, 'code');
  // With --no-deprecation nothing is wrapped at all.
  if (process.noDeprecation === true || require('internal/options').hasFlag('--no-deprecation')) return fn;
  let warned = false;
  function deprecated(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          codesWarned.add(code);
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  if (modifyPrototype) {
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
  }
  Object.defineProperty(deprecated, 'length', {
    value: fn.length, writable: false, enumerable: false, configurable: true,
  });
  return deprecated;
}

const { isDeepStrictEqual } = require('internal/util/comparisons');

function getCallSites(frameCount = 8, options) {
  if (options === undefined && typeof frameCount === 'object' && frameCount !== null) {
    options = frameCount;
    frameCount = 8;
  }
  validateNumber(frameCount, 'frameCount');
  validateInteger(frameCount, 'frameCount', 1, 200);
  if (options !== undefined) {
    validateObject(options, 'options');
    if (options.sourceMap !== undefined) validateBoolean(options.sourceMap, 'options.sourceMap');
  }
  const err = {};
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  let sites;
  try {
    Error.stackTraceLimit = frameCount;
    Error.prepareStackTrace = (_, callSites) => callSites;
    Error.captureStackTrace(err, getCallSites);
    sites = err.stack;
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
  if (!Array.isArray(sites)) return [];
  return sites.slice(0, frameCount).map((s) => ({
    functionName: s.getFunctionName() || '',
    scriptId: '0',
    scriptName: s.getFileName() || '',
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
  if (!stream || !stream.isTTY) return false;
  return typeof stream.hasColors !== 'function' || stream.hasColors();
}

function isStreamLike(stream) {
  if (stream === null || typeof stream !== 'object') return false;
  if (typeof stream.write === 'function' || typeof stream.pipe === 'function' || typeof stream.on === 'function') return true;
  const { ReadableStream, WritableStream } = globalThis;
  return (typeof ReadableStream === 'function' && stream instanceof ReadableStream) ||
    (typeof WritableStream === 'function' && stream instanceof WritableStream);
}

function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');
  let skipColorize = false;
  if (validateStream) {
    if (!isStreamLike(stream)) {
      throw new codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    skipColorize = !shouldColorize(stream);
  }
  const formats = Array.isArray(format) ? format : [format];
  let left = '', right = '';
  for (const key of formats) {
    if (key === 'none') continue;
    const code = typeof key === 'string' && Object.prototype.hasOwnProperty.call(inspect.colors, key) ? inspect.colors[key] : undefined;
    if (code === undefined) {
      throw new codes.ERR_INVALID_ARG_VALUE('format', key, `must be one of: ${Object.getOwnPropertyNames(inspect.colors).map((k) => `'${k}'`).join(', ')}`);
    }
    if (skipColorize) continue;
    left += `\u001b[${code[0]}m`;
    right = `\u001b[${code[1]}m${right}`;
  }
  return skipColorize ? text : `${left}${text}${right}`;
}

let isArrayWarned = false;
function isArray(v) {
  if (!isArrayWarned && !process.noDeprecation) {
    isArrayWarned = true;
    process.emitWarning('The `util.isArray` API is deprecated. Please use `Array.isArray()` instead.', 'DeprecationWarning', 'DEP0044');
  }
  return Array.isArray(v);
}

// NODE_DEBUG=a,b*,c names the sections whose debuglog writes to stderr.
let debugPatterns;
function debugEnabled(section) {
  if (debugPatterns === undefined) {
    const spec = process.env.NODE_DEBUG || '';
    debugPatterns = spec.split(/[\s,]+/).filter(Boolean).map((pattern) =>
      new RegExp(`^${pattern.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i'));
  }
  return debugPatterns.some((re) => re.test(section));
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

// libuv's error table, from the Rust half: errno -> [name, message].
let errorMap;
function errors() {
  if (errorMap === undefined) {
    errorMap = new Map();
    for (const [errno, name, message] of binding.uvErrors) errorMap.set(errno, [name, message]);
  }
  return errorMap;
}
// A new Map on every call, as in Node: changing it changes nothing else.
function getSystemErrorMap() {
  return new Map([...errors()].map(([errno, entry]) => [errno, [...entry]]));
}
function validateErrno(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) throw new codes.ERR_OUT_OF_RANGE('err', 'a negative integer', err);
}
function getSystemErrorName(err) {
  validateErrno(err);
  const entry = errors().get(err);
  return entry ? entry[0] : `Unknown system error ${err}`;
}
function getSystemErrorMessage(err) {
  validateErrno(err);
  const entry = errors().get(err);
  return entry ? entry[1] : `Unknown system error ${err}`;
}

function convertProcessSignalToExitCode(signalCode) {
  const { signals } = require('os').constants;
  if (typeof signalCode !== 'string' || !Object.prototype.hasOwnProperty.call(signals, signalCode)) {
    const allowed = Object.keys(signals).map((s) => `'${s}'`).join(', ');
    throw new codes.ERR_INVALID_ARG_VALUE('signalCode', signalCode, `must be one of: ${allowed}`);
  }
  return 128 + signals[signalCode];
}

async function aborted(signal, resource) {
  if (signal === undefined || signal === null || typeof signal !== 'object' ||
      typeof AbortSignal !== 'function' || !(signal instanceof AbortSignal)) {
    const err = new TypeError('signal is not of type AbortSignal.');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  validateObject(resource, 'resource', { allowArray: true, allowFunction: true });
  if (signal.aborted) return;
  // The listener lives as long as the resource: when the resource is collected first, the
  // listener goes with it and the promise never settles.
  const { kWeakHandler, kResistStopPropagation } = require('internal/event_target');
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(), {
      __proto__: null, once: true, [kWeakHandler]: resource, [kResistStopPropagation]: true,
    });
  });
}

// Marks an AbortSignal as one a structured clone (postMessage, structuredClone) may transfer:
// the receiver gets a signal that aborts when this one does.
function transferableAbortSignal(signal) {
  const { isAbortSignal } = require('internal/event_target');
  if (!isAbortSignal(signal)) throw new codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  require('internal/structured_clone').transferableSignals.add(signal);
  return signal;
}

function transferableAbortController() {
  const controller = new AbortController();
  transferableAbortSignal(controller.signal);
  return controller;
}

function toUSVString(input) {
  return `${input}`.toWellFormed();
}

function parseEnv(content) {
  validateString(content, 'content');
  return require('internal/util/parse_env').parseEnv(content);
}

// The line diff that assert prints: [op, value] pairs, 0 for both, 1 only in actual, -1 only in
// expected.
function diff(actual, expected) {
  if (typeof actual !== 'string' && !Array.isArray(actual)) {
    throw new codes.ERR_INVALID_ARG_TYPE('actual', 'string', actual);
  }
  if (typeof expected !== 'string' && !Array.isArray(expected)) {
    throw new codes.ERR_INVALID_ARG_TYPE('expected', 'string', expected);
  }
  if (actual.length === expected.length && (typeof actual === 'string' ? actual === expected : actual.every((v, i) => v === expected[i]))) {
    return [];
  }
  return require('internal/assert/myers_diff').myersDiff(actual, expected);
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

module.exports = {
  _extend: deprecate(_extend, 'The `util._extend` API is deprecated. Please use Object.assign() instead.', 'DEP0060'),
  callbackify, convertProcessSignalToExitCode,
  debug: debuglog, debuglog, deprecate, format, styleText, formatWithOptions, getCallSites,
  getSystemErrorMap, getSystemErrorName, getSystemErrorMessage, inherits, inspect, isArray, isDeepStrictEqual,
  promisify, stripVTControlCharacters, toUSVString,
  aborted, types, parseEnv, transferableAbortSignal, transferableAbortController,
  parseArgs(config) { return require('internal/util/parse_args').parseArgs(config); },
  get TextEncoder() { return globalThis.TextEncoder; },
  get TextDecoder() { return globalThis.TextDecoder; },
  get MIMEType() { return require('internal/util/mime').MIMEType; },
  get MIMEParams() { return require('internal/util/mime').MIMEParams; },
  diff,
};
