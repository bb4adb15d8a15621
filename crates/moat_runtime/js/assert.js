'use strict';
// node:assert

const { AssertionError } = require('internal/assert/assertion_error');
const { isDeepStrictEqual, isDeepEqual } = require('internal/util/comparisons');
const { inspect } = require('internal/util/inspect');
const { codes } = require('internal/errors');

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

// The source text of the failing `assert(...)` call, for the "falsy value" message.
function callSource(fn) {
  const holder = {};
  Error.captureStackTrace(holder, fn);
  const m = /\n\s+at (?:.*?\()?(\/[^:()]+):(\d+):(\d+)\)?/.exec(`\n${String(holder.stack).split('\n').slice(1).join('\n')}`);
  if (!m) return undefined;
  let text;
  try { text = internalBinding('fs').readFileUtf8(m[1]); } catch { return undefined; }
  const lines = text.split('\n').slice(Number(m[2]) - 1);
  const first = lines[0] ?? '';
  // The frame's column points into the call: take the last callee (`assert.ok(`) that starts
  // at or before it.
  const col = Number(m[3]) - 1;
  let start = -1;
  for (const call of first.matchAll(/[\w$][\w$.]*\s*\(/g)) {
    if (call.index <= col) start = call.index;
  }
  if (start === -1) return undefined;
  let code = first.slice(start);
  let depth = 0, end = -1, started = false;
  const joined = [code, ...lines.slice(1, 20)].join('\n');
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i];
    if (c === '(') { depth++; started = true; } else if (c === ')') { depth--; if (started && depth === 0) { end = i + 1; break; } }
  }
  if (end === -1) return undefined;
  code = joined.slice(0, end);
  return code;
}

function innerOk(fn, argLen, value, message) {
  if (value) return;
  let generated = false;
  if (argLen === 0) {
    message = 'No value argument passed to `assert.ok()`';
    generated = true;
  } else if (message == null) {
    const src = callSource(fn);
    message = src === undefined ? 'The expression evaluated to a falsy value' : `The expression evaluated to a falsy value:\n\n  ${src}\n`;
    generated = true;
  } else if (message instanceof Error) {
    throw message;
  }
  const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
  err.generatedMessage = generated;
  throw err;
}

function ok(...args) { innerOk(ok, args.length, ...args); }
const assert = function assert(...args) { innerOk(assert, args.length, ...args); };
assert.ok = ok;
assert.AssertionError = AssertionError;

assert.fail = function fail(actual, expected, message, operator, stackStartFn) {
  const argsLen = arguments.length;
  let internalMessage = false;
  if (argsLen === 0) {
    internalMessage = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (argsLen === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const err = new AssertionError({ actual, expected, operator: operator === undefined ? 'fail' : operator, stackStartFn: stackStartFn || fail, message: internalMessage || message });
  if (internalMessage) err.generatedMessage = true;
  throw err;
};

function check2(args, name) {
  if (args.length < 2) throw new codes.ERR_MISSING_ARGS('actual', 'expected');
  void name;
}

assert.equal = function equal(actual, expected, message) {
  check2(arguments);
  // eslint-disable-next-line eqeqeq
  if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
};
assert.notEqual = function notEqual(actual, expected, message) {
  check2(arguments);
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
};
assert.strictEqual = function strictEqual(actual, expected, message) {
  check2(arguments);
  if (!Object.is(actual, expected)) innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
};
assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
  check2(arguments);
  if (Object.is(actual, expected)) innerFail({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
};
assert.deepEqual = function deepEqual(actual, expected, message) {
  check2(arguments);
  if (!isDeepEqual(actual, expected)) innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
};
assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  check2(arguments);
  if (isDeepEqual(actual, expected)) innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
};
assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
  check2(arguments);
  if (!isDeepStrictEqual(actual, expected)) innerFail({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
};
assert.notDeepStrictEqual = function notDeepStrictEqual(actual, expected, message) {
  check2(arguments);
  if (isDeepStrictEqual(actual, expected)) innerFail({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual });
};
assert.partialDeepStrictEqual = require('internal/errors').thrower('assert.partialDeepStrictEqual');

function matchRegExp(fn, string, regexp, message, shouldMatch) {
  if (!(regexp instanceof RegExp)) throw new codes.ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  const matched = typeof string === 'string' && regexp.test(string);
  if (matched === shouldMatch) return;
  if (message instanceof Error) throw message;
  const generated = !message;
  if (!message) {
    message = typeof string !== 'string'
      ? `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})`
      : (shouldMatch ? 'The input did not match the regular expression ' : 'The input was expected to not match the regular expression ') +
        `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
  }
  const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
  err.generatedMessage = generated;
  throw err;
}
assert.match = function match(string, regexp, message) { matchRegExp(match, string, regexp, message, true); };
assert.doesNotMatch = function doesNotMatch(string, regexp, message) { matchRegExp(doesNotMatch, string, regexp, message, false); };

const NO_EXCEPTION = Symbol('no exception');

// What a thrown error is compared as, when `expected` is an object of properties.
class Comparison {}

function getActual(fn) {
  if (typeof fn !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
  try { fn(); } catch (e) { return e; }
  return NO_EXCEPTION;
}

async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!resultPromise || typeof resultPromise.then !== 'function') {
      const { codes: { ERR_INVALID_RETURN_VALUE } } = require('internal/errors');
      throw new ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', resultPromise);
    }
  } else if (promiseFn && typeof promiseFn.then === 'function') {
    resultPromise = promiseFn;
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try { await resultPromise; } catch (e) { return e; }
  return NO_EXCEPTION;
}

function expectedException(actual, expected, message, fn) {
  if (typeof expected !== 'function') {
    if (expected instanceof RegExp) {
      const str = String(actual);
      if (expected.test(str)) return;
      throw new AssertionError({
        actual, expected, operator: fn.name, stackStartFn: fn,
        message: message || `The input did not match the regular expression ${inspect(expected)}. Input:\n\n${inspect(str)}\n`,
      });
    }
    if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
      err.operator = fn.name;
      throw err;
    }
    const keys = Object.keys(expected);
    if (expected instanceof Error) keys.push('name', 'message');
    else if (keys.length === 0) throw new codes.ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
    for (const key of keys) {
      if (typeof actual[key] === 'string' && expected[key] instanceof RegExp && expected[key].test(actual[key])) continue;
      if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
        const a = new Comparison(), e = new Comparison();
        for (const k of keys) {
          if (k in actual) a[k] = actual[k];
          e[k] = expected[k];
        }
        const err = new AssertionError({ actual: a, expected: e, message, operator: 'deepStrictEqual', stackStartFn: fn });
        err.actual = actual;
        err.expected = expected;
        err.operator = fn.name;
        throw err;
      }
    }
    return;
  }
  if (expected.prototype !== undefined && actual instanceof expected) return;
  if (Error.isPrototypeOf(expected)) {
    if (actual instanceof Error) {
      const err = new AssertionError({
        actual, expected, operator: fn.name, stackStartFn: fn,
        message: message || `The error is expected to be an instance of "${expected.name}". Received "${actual && actual.constructor && actual.constructor.name}"\n\nError message:\n\n${actual.message}`,
      });
      err.generatedMessage = !message;
      throw err;
    }
    throw new AssertionError({
      actual, expected, operator: fn.name, stackStartFn: fn,
      message: message || `The error is expected to be an instance of "${expected.name}". Received ${inspect(actual, { depth: -1 })}`,
    });
  }
  const res = expected.call({}, actual);
  if (res !== true) {
    if (message) throw new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
    const name = expected.name ? `"${expected.name}" ` : '';
    const err = new AssertionError({
      actual, expected, operator: fn.name, stackStartFn: fn,
      message: `The ${name}validation function is expected to return "true". Received ${inspect(res)}\n\nCaught error:\n\n${actual}`,
    });
    throw err;
  }
}

function expectsError(fn, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length === 4) throw new codes.ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    if (typeof actual === 'object' && actual !== null && actual.message === error) {
      throw new codes.ERR_AMBIGUOUS_ARGUMENT('error/message', `The error message "${actual.message}" is identical to the message.`);
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
    const fnType = fn === assert.rejects ? 'rejection' : 'exception';
    throw new AssertionError({ actual: undefined, expected: error, operator: fn.name, message: `Missing expected ${fnType}${details}`, stackStartFn: fn });
  }
  if (!error) return;
  expectedException(actual, error, message, fn);
}

function expectsNoError(fn, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') { message = error; error = undefined; }
  if (!error || (typeof error === 'function' && error.prototype !== undefined && actual instanceof error) || (error instanceof RegExp && error.test(String(actual)))) {
    const details = message ? `: ${message}` : '.';
    const fnType = fn === assert.doesNotReject ? 'rejection' : 'exception';
    const err = new AssertionError({
      actual, expected: error, operator: fn.name, stackStartFn: fn,
      message: `Got unwanted ${fnType}${details}\nActual message: "${actual && actual.message}"`,
    });
    throw err;
  }
  throw actual;
}

assert.throws = function throws(promiseFn, ...args) { expectsError(throws, getActual(promiseFn), ...args); };
assert.rejects = async function rejects(promiseFn, ...args) { expectsError(rejects, await waitForActual(promiseFn), ...args); };
assert.doesNotThrow = function doesNotThrow(fn, ...args) { expectsNoError(doesNotThrow, getActual(fn), ...args); };
assert.doesNotReject = async function doesNotReject(fn, ...args) { expectsNoError(doesNotReject, await waitForActual(fn), ...args); };

assert.ifError = function ifError(err) {
  if (err !== null && err !== undefined) {
    let message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
      if (err.message.length === 0 && err.constructor) message += err.constructor.name;
      else message += err.message;
    } else {
      message += inspect(err);
    }
    const newErr = new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError });
    newErr.generatedMessage = false;
    throw newErr;
  }
};

function strict(...args) { innerOk(strict, args.length, ...args); }
Object.assign(strict, assert, {
  equal: assert.strictEqual,
  deepEqual: assert.deepStrictEqual,
  notEqual: assert.notStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});
assert.strict = strict;
assert.strict.strict = assert.strict;

module.exports = assert;
