'use strict';
// node:assert: the module's functions are the methods of a default `Assert`, whose options
// (`diff`, `strict`, `skipPrototype`) a `new Assert(options)` changes.

const { AssertionError } = require('internal/assert/assertion_error');
const { isDeepStrictEqual, isDeepEqual, isPartialStrictEqual } = require('internal/util/comparisons');
const { inspect } = require('internal/util/inspect');
const { codes, thrower } = require('internal/errors');
const { validateFunction, validateObject, validateOneOf } = require('internal/validators');
const types = require('util/types');

const kOptions = Symbol('assert options');
const kDefaults = Object.freeze({ __proto__: null, diff: 'simple', strict: true, skipPrototype: false });
const NO_EXCEPTION = Symbol('no exception');

// The options of the Assert a method was called on; a method called alone (destructured)
// uses the defaults.
function optionsOf(self) {
  return (self !== null && (typeof self === 'object' || typeof self === 'function') && self[kOptions]) || kDefaults;
}

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

function isError(v) {
  return types.isNativeError(v) || v instanceof Error;
}

// The source text of the failing `assert(...)` call, for the "falsy value" message. The frame's
// position lies somewhere in the call (the engine reports a point inside its arguments), so the
// calls around that point are candidates; one naming the assert function wins, else the
// innermost. Shown: the call from its callee's last line, or that line's rest when the call
// goes on past it.
const calleeRe = /[\p{ID_Start}$_](?:[\p{ID_Continue}$\u200c\u200d]|\s*\.\s*[\p{ID_Start}$_]|\[\s*(?:'[^']*'|"[^"]*"|\d+)\s*\])*\s*\(/gu;

// The index of the parenthesis closing the one at `open`, or -1.
function closingParen(code, open) {
  let depth = 0;
  let quote = null;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '\'' || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

function callSource(fn) {
  const holder = {};
  const limit = Error.stackTraceLimit;
  try {
    // A few frames: calls through apply or call put a native frame first.
    Error.stackTraceLimit = 3;
    Error.captureStackTrace(holder, fn);
  } finally {
    Error.stackTraceLimit = limit;
  }
  // The first frame not in native code; source that is not a file (eval) is not shown.
  const caller = String(holder.stack).split('\n').slice(1).find((l) => !l.endsWith('(native)'));
  const frame = caller === undefined ? null : /^\s+at (?:.*?\()?((?:file:\/\/)?\/[^:()]+):(\d+):(\d+)\)?$/.exec(caller);
  if (!frame) return undefined;
  let text;
  try {
    const file = frame[1].startsWith('file://') ? decodeURIComponent(frame[1].slice(7)) : frame[1];
    text = internalBinding('fs').readFileUtf8(file);
  } catch {
    return undefined;
  }
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const lineNo = Number(frame[2]) - 1;
  if (lineNo < 0 || lineNo >= lines.length) return undefined;
  const first = Math.max(0, lineNo - 30);
  const window = lines.slice(first, Math.min(lines.length, lineNo + 30)).join('\n');
  let point = Number(frame[3]) - 1;
  for (let i = first; i < lineNo; i++) point += lines[i].length + 1;
  const name = fn.name;
  let best;
  let named;
  for (const m of window.matchAll(calleeRe)) {
    if (m.index > point) break;
    const open = m.index + m[0].length - 1;
    const close = closingParen(window, open);
    if (close !== -1 && close < point) continue;
    const callee = m[0].slice(0, -1);
    best = m;
    // The callee's last segment, past a trailing .call/.apply.
    const last = /([\p{ID_Continue}$]+)['"]?\s*\]?$/u.exec(callee.replace(/(?:\s*\.\s*(?:call|apply)|\[\s*['"](?:call|apply)['"]\s*\])$/u, ''));
    if (last !== null && last[1] === name) named = m;
  }
  // The engine may point at a call made while evaluating the arguments: an enclosing call of
  // the assert function itself wins.
  const m = named || best;
  if (m === undefined) return undefined;
  let start = m.index;
  const newline = m[0].lastIndexOf('\n');
  if (newline !== -1) {
    start += newline + 1;
    while (/[\s.]/.test(window[start])) start++;
  }
  const lineEnd = window.indexOf('\n', start) === -1 ? window.length : window.indexOf('\n', start);
  const close = closingParen(window, m.index + m[0].length - 1);
  const code = close !== -1 && close < lineEnd ? window.slice(start, close + 1) : window.slice(start, lineEnd).trimEnd();
  // Control characters in the source show escaped.
  return code.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function innerOk(fn, argLen, value, message, diff) {
  if (value) return;
  let generatedMessage = false;
  if (argLen === 0) {
    generatedMessage = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generatedMessage = true;
    const src = callSource(fn);
    message = src === undefined ? 'The expression evaluated to a falsy value' : `The expression evaluated to a falsy value:\n\n  ${src}\n`;
  } else if (isError(message)) {
    throw message;
  }
  const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn, diff });
  err.generatedMessage = generatedMessage;
  throw err;
}

function checkArgs(args) {
  if (args.length < 2) throw new codes.ERR_MISSING_ARGS('actual', 'expected');
}

// What a thrown error is compared as when `expected` is an object of properties: only the
// keys that matter, and a matched RegExp shows the string it matched.
class Comparison {
  constructor(obj, keys, actual) {
    for (const key of keys) {
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' && types.isRegExp(obj[key]) &&
            RegExp.prototype.exec.call(obj[key], actual[key]) !== null) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }
}

function compareExceptionKey(actual, expected, key, message, keys, fn, diff) {
  if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
    if (!message) {
      const a = new Comparison(actual, keys);
      const b = new Comparison(expected, keys, actual);
      const err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: fn, diff });
      err.actual = actual;
      err.expected = expected;
      err.operator = fn.name;
      throw err;
    }
    innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn, diff });
  }
}

function expectedException(actual, expected, message, fn, diff) {
  let generatedMessage = false;
  if (typeof expected !== 'function') {
    if (types.isRegExp(expected)) {
      const str = String(actual);
      if (RegExp.prototype.exec.call(expected, str) !== null) return;
      if (!message) {
        generatedMessage = true;
        message = `The input did not match the regular expression ${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn, diff });
      err.operator = fn.name;
      throw err;
    } else {
      const keys = Object.keys(expected);
      if (expected instanceof Error) keys.push('name', 'message');
      else if (keys.length === 0) throw new codes.ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
      for (const key of keys) {
        if (typeof actual[key] === 'string' && types.isRegExp(expected[key]) &&
            RegExp.prototype.exec.call(expected[key], actual[key]) !== null) {
          continue;
        }
        compareExceptionKey(actual, expected, key, message, keys, fn, diff);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
    if (!message) {
      generatedMessage = true;
      message = `The error is expected to be an instance of "${expected.name}". Received `;
      if (isError(actual)) {
        const name = (actual.constructor && actual.constructor.name) || actual.name;
        if (expected.name === name) message += 'an error with identical name but a different prototype.';
        else message += `"${name}"`;
        if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
  } else {
    const res = Reflect.apply(expected, {}, [actual]);
    if (res === true) return;
    if (!message) {
      generatedMessage = true;
      const name = expected.name ? `"${expected.name}" ` : '';
      message = `The ${name}validation function is expected to return "true". Received ${inspect(res)}`;
      if (isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
    }
  }
  const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn, diff });
  err.generatedMessage = generatedMessage;
  throw err;
}

function getActual(fn) {
  validateFunction(fn, 'fn');
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

function isPromiseLike(v) {
  return types.isPromise(v) ||
    (v !== null && typeof v === 'object' && typeof v.then === 'function' && typeof v.catch === 'function');
}

async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!isPromiseLike(resultPromise)) {
      throw new codes.ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', resultPromise);
    }
  } else if (isPromiseLike(promiseFn)) {
    resultPromise = promiseFn;
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await resultPromise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

function expectsError(fn, diff, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length > 4) {
      throw new codes.ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    }
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw new codes.ERR_AMBIGUOUS_ARGUMENT('error/message', `The error message "${actual.message}" is identical to the message.`);
      }
    } else if (actual === error) {
      throw new codes.ERR_AMBIGUOUS_ARGUMENT('error/message', `The error "${actual}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
  }
  if (actual === NO_EXCEPTION) {
    let details = '';
    if (error && error.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const fnType = fn.name === 'rejects' ? 'rejection' : 'exception';
    innerFail({ actual: undefined, expected: error, operator: fn.name, message: `Missing expected ${fnType}${details}`, stackStartFn: fn, diff });
  }
  if (!error) return;
  expectedException(actual, error, message, fn, diff);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (types.isRegExp(expected)) return RegExp.prototype.exec.call(expected, String(actual)) !== null;
    throw new codes.ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function expectsNoError(fn, diff, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const fnType = fn.name === 'doesNotReject' ? 'rejection' : 'exception';
    innerFail({
      actual, expected: error, operator: fn.name, stackStartFn: fn, diff,
      message: `Got unwanted ${fnType}${details}\nActual message: "${actual && actual.message}"`,
    });
  }
  throw actual;
}

function internalMatch(string, regexp, message, fn, diff) {
  if (!types.isRegExp(regexp)) throw new codes.ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  const shouldMatch = fn.name === 'match';
  if (typeof string !== 'string' || (RegExp.prototype.exec.call(regexp, string) !== null) !== shouldMatch) {
    if (message instanceof Error) throw message;
    const generatedMessage = !message;
    if (!message) {
      message = typeof string !== 'string'
        ? `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})`
        : `${shouldMatch ? 'The input did not match the regular expression ' : 'The input was expected to not match the regular expression '}` +
          `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
    }
    const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn, diff });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

// An assertion settled after an await has lost its caller's frames; like V8's async stack
// traces, its stack then names the async function and the frames of the call that started it.
function captureCallSite(fn) {
  const holder = {};
  Error.captureStackTrace(holder, fn);
  return holder;
}
function withAsyncFrames(err, name, callSite) {
  if (!(err instanceof AssertionError) || typeof err.stack !== 'string') return err;
  const stack = err.stack;
  const at = stack.indexOf('\n    at ');
  const head = at === -1 ? stack : stack.slice(0, at);
  const site = String(callSite.stack);
  const frames = site.indexOf('\n') === -1 ? '' : site.slice(site.indexOf('\n'));
  err.stack = `${head}\n    at async ${name}${frames}`;
  return err;
}

let failWarned = false;

function Assert(options = {}) {
  if (new.target === undefined) throw new codes.ERR_CONSTRUCT_CALL_REQUIRED('Assert');
  validateObject(options, 'options');
  const { diff = 'simple', strict = true, skipPrototype = false } = options;
  validateOneOf(diff, 'options.diff', ['simple', 'full']);
  Object.defineProperty(this, kOptions, { __proto__: null, value: Object.freeze({ __proto__: null, diff, strict: !!strict, skipPrototype: skipPrototype === true }) });
  this.AssertionError = AssertionError;
  if (strict) {
    // A strict Assert's loose methods are its strict ones.
    this.equal = this.strictEqual;
    this.deepEqual = this.deepStrictEqual;
    this.notEqual = this.notStrictEqual;
    this.notDeepEqual = this.notDeepStrictEqual;
  }
}
require('internal/util/classes').register([Assert]);

const methods = {
  ok(...args) { innerOk(methods.ok, args.length, args[0], args[1], optionsOf(this).diff); },

  fail(actual, expected, message, operator, stackStartFn) {
    const argsLen = arguments.length;
    let internalMessage = false;
    if (actual == null && argsLen <= 1) {
      internalMessage = true;
      message = 'Failed';
    } else if (argsLen === 1) {
      message = actual;
      actual = undefined;
    } else {
      if (!failWarned) {
        failWarned = true;
        process.emitWarning('assert.fail() with more than one argument is deprecated. Please use assert.strictEqual() instead or only pass a message.', 'DeprecationWarning', 'DEP0094');
      }
      if (argsLen === 2) operator = '!=';
    }
    if (message instanceof Error) throw message;
    const err = new AssertionError({
      actual, expected, operator: operator === undefined ? 'fail' : operator, stackStartFn: stackStartFn || methods.fail,
      message, diff: optionsOf(this).diff,
    });
    if (internalMessage) err.generatedMessage = true;
    throw err;
  },

  equal(actual, expected, message) {
    checkArgs(arguments);
    // eslint-disable-next-line eqeqeq
    if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
      innerFail({ actual, expected, message, operator: '==', stackStartFn: methods.equal, diff: optionsOf(this).diff });
    }
  },
  notEqual(actual, expected, message) {
    checkArgs(arguments);
    // eslint-disable-next-line eqeqeq
    if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
      innerFail({ actual, expected, message, operator: '!=', stackStartFn: methods.notEqual, diff: optionsOf(this).diff });
    }
  },
  deepEqual(actual, expected, message) {
    checkArgs(arguments);
    if (!isDeepEqual(actual, expected)) {
      innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: methods.deepEqual, diff: optionsOf(this).diff });
    }
  },
  notDeepEqual(actual, expected, message) {
    checkArgs(arguments);
    if (isDeepEqual(actual, expected)) {
      innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: methods.notDeepEqual, diff: optionsOf(this).diff });
    }
  },
  deepStrictEqual(actual, expected, message) {
    checkArgs(arguments);
    const opts = optionsOf(this);
    if (!isDeepStrictEqual(actual, expected, opts.skipPrototype)) {
      innerFail({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: methods.deepStrictEqual, diff: opts.diff });
    }
  },
  notDeepStrictEqual(actual, expected, message) {
    checkArgs(arguments);
    const opts = optionsOf(this);
    if (isDeepStrictEqual(actual, expected, opts.skipPrototype)) {
      innerFail({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: methods.notDeepStrictEqual, diff: opts.diff });
    }
  },
  strictEqual(actual, expected, message) {
    checkArgs(arguments);
    if (!Object.is(actual, expected)) {
      innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: methods.strictEqual, diff: optionsOf(this).diff });
    }
  },
  notStrictEqual(actual, expected, message) {
    checkArgs(arguments);
    if (Object.is(actual, expected)) {
      innerFail({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: methods.notStrictEqual, diff: optionsOf(this).diff });
    }
  },
  partialDeepStrictEqual(actual, expected, message) {
    checkArgs(arguments);
    if (!isPartialStrictEqual(actual, expected)) {
      innerFail({
        actual, expected, message, operator: 'partialDeepStrictEqual', stackStartFn: methods.partialDeepStrictEqual,
        diff: optionsOf(this).diff,
      });
    }
  },

  match(string, regexp, message) { internalMatch(string, regexp, message, methods.match, optionsOf(this).diff); },
  doesNotMatch(string, regexp, message) { internalMatch(string, regexp, message, methods.doesNotMatch, optionsOf(this).diff); },

  throws(promiseFn, ...args) {
    expectsError(methods.throws, optionsOf(this).diff, getActual(promiseFn), ...args);
  },
  async rejects(promiseFn, ...args) {
    const callSite = captureCallSite(methods.rejects);
    const actual = await waitForActual(promiseFn);
    try {
      expectsError(methods.rejects, optionsOf(this).diff, actual, ...args);
    } catch (err) {
      throw withAsyncFrames(err, 'rejects', callSite);
    }
  },
  doesNotThrow(fn, ...args) {
    expectsNoError(methods.doesNotThrow, optionsOf(this).diff, getActual(fn), ...args);
  },
  async doesNotReject(fn, ...args) {
    const callSite = captureCallSite(methods.doesNotReject);
    const actual = await waitForActual(fn);
    try {
      expectsNoError(methods.doesNotReject, optionsOf(this).diff, actual, ...args);
    } catch (err) {
      throw withAsyncFrames(err, 'doesNotReject', callSite);
    }
  },

  ifError(err) {
    if (err === null || err === undefined) return;
    let message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
      if (err.message.length === 0 && err.constructor) message += err.constructor.name;
      else message += err.message;
    } else {
      message += inspect(err);
    }
    const newErr = new AssertionError({
      actual: err, expected: null, operator: 'ifError', message, stackStartFn: methods.ifError, diff: optionsOf(this).diff,
    });
    // The new error's frames end where the original's begin, followed by the original's.
    const origStack = err.stack;
    if (typeof origStack === 'string') {
      const origStart = origStack.indexOf('\n    at');
      if (origStart !== -1) {
        const originalFrames = origStack.slice(origStart + 1).split('\n');
        let newFrames = String(newErr.stack).split('\n');
        for (const frame of originalFrames) {
          const pos = newFrames.indexOf(frame);
          if (pos !== -1) {
            newFrames = newFrames.slice(0, pos);
            break;
          }
        }
        newErr.stack = `${newFrames.join('\n')}\n${originalFrames.join('\n')}`;
      }
    }
    throw newErr;
  },
};

for (const name of Object.keys(methods)) {
  Object.defineProperty(Assert.prototype, name, {
    __proto__: null, value: methods[name], writable: true, enumerable: false, configurable: true,
  });
}

function assert(...args) { innerOk(assert, args.length, args[0], args[1], 'simple'); }
assert.AssertionError = AssertionError;
// Deprecated in Node (DEP0173); not provided here.
assert.CallTracker = thrower('assert.CallTracker');
for (const name of Object.keys(methods)) assert[name] = methods[name];

function strict(...args) { innerOk(strict, args.length, args[0], args[1], 'simple'); }
Object.assign(strict, assert, {
  equal: methods.strictEqual,
  deepEqual: methods.deepStrictEqual,
  notEqual: methods.notStrictEqual,
  notDeepEqual: methods.notDeepStrictEqual,
});
assert.strict = strict;
assert.strict.strict = assert.strict;
assert.Assert = Assert;
strict.Assert = Assert;

module.exports = assert;
