'use strict';
// AssertionError and the messages assert builds, with Node's wording and its line diff.

const { inspect } = require('internal/util/inspect');
const { myersDiff, printDiff } = require('internal/assert/myers_diff');

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  partialDeepStrictEqual: 'Expected values to be partially and strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Values whose printed forms together are this short compare on one line (`1 !== 2`).
const kMaxShortStringLength = 12;
// Longer printed values are cut in the non-diff messages.
const kMaxLongStringLength = 512;
// The width the caret under a differing string assumes.
const kTerminalWidth = 80;

function inspectValue(v) {
  return inspect(v, {
    compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity, showHidden: false,
    showProxy: false, sorted: true, getters: true,
  });
}

// An error's look-alike without its stack, so the diff shows `[Error: msg]` and not frames.
function copyError(source) {
  const target = Object.assign(Object.create(Object.getPrototypeOf(source)), source);
  Object.defineProperty(target, 'message', { __proto__: null, value: source.message });
  if (Object.prototype.hasOwnProperty.call(source, 'cause')) {
    let { cause } = source;
    if (cause instanceof Error) cause = copyError(cause);
    Object.defineProperty(target, 'cause', { __proto__: null, value: cause });
  }
  return target;
}

function isObjectLike(v) {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

// `+ actual` / `- expected` on two lines, with a caret under the first differing character.
function stackedDiff(actual, expected) {
  let message = `\n+ ${actual}\n- ${expected}`;
  if (actual.length + expected.length <= kTerminalWidth) {
    for (let i = 0; i < actual.length; i++) {
      if (actual[i] !== expected[i]) {
        if (i >= 3) message += `\n${' '.repeat(i + 2)}^`;
        break;
      }
    }
  }
  return message;
}

function createErrDiff(actual, expected, operator, customMessage, diffType) {
  if (operator === 'strictEqual' &&
      ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  const inspectedActual = inspectValue(actual);
  const inspectedExpected = inspectValue(expected);
  const actualLines = inspectedActual.split('\n');
  const expectedLines = inspectedExpected.split('\n');
  let header = '+ actual - expected';
  let skipped = false;
  let message;
  const simple = actualLines.length === 1 && expectedLines.length === 1 &&
    (typeof actual !== 'object' || actual === null || typeof expected !== 'object' || expected === null);
  if (simple) {
    let len = actualLines[0].length + expectedLines[0].length;
    if (typeof actual === 'string') len -= 2;
    if (typeof expected === 'string') len -= 2;
    if (len <= kMaxShortStringLength && (actual !== 0 || expected !== 0)) {
      message = `${actualLines[0]} !== ${expectedLines[0]}`;
      header = '';
    } else {
      message = stackedDiff(actualLines[0], expectedLines[0]);
    }
  } else if (inspectedActual === inspectedExpected) {
    // Same structure, different identity (or a difference that does not print).
    operator = 'notIdentical';
    let lines = actualLines;
    if (lines.length > 50 && diffType !== 'full') lines = [...lines.slice(0, 26), '...', ...lines.slice(-20)];
    message = lines.join('\n');
    header = '';
  } else {
    const diff = myersDiff(actualLines, expectedLines, actual != null && typeof actual === 'object');
    [message, skipped] = printDiff(diff);
  }
  const head = customMessage != null ? String(customMessage) : kReadableOperator[operator];
  return `${head}\n${header}${skipped ? '\n... Skipped lines' : ''}\n${message}\n`;
}

function ellipsis(string) {
  const lines = string.split('\n', 11);
  if (lines.length > 10) return `${lines.slice(0, 10).join('\n')}\n...`;
  if (string.length > kMaxLongStringLength) return `${string.slice(kMaxLongStringLength)}...`;
  return string;
}

function buildMessage(options) {
  const { message, operator, diff } = options;
  let { actual, expected } = options;
  const strictOp = operator === 'deepStrictEqual' || operator === 'strictEqual' || operator === 'partialDeepStrictEqual';
  if (message != null) {
    if (strictOp && !(message instanceof Error)) return createErrDiff(actual, expected, operator, message, diff);
    return String(message);
  }
  if (strictOp) {
    if (isObjectLike(actual) && isObjectLike(expected) && actual instanceof Error && expected instanceof Error &&
        'stack' in actual && 'stack' in expected) {
      actual = copyError(actual);
      expected = copyError(expected);
    }
    return createErrDiff(actual, expected, operator, undefined, diff);
  }
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    let base = kReadableOperator[operator];
    let lines = inspectValue(actual).split('\n');
    if (operator === 'notStrictEqual' && isObjectLike(actual)) base = kReadableOperator.notStrictEqualObject;
    if (lines.length > 50 && diff !== 'full') {
      lines = lines.slice(0, 47);
      lines[46] = '...';
    }
    if (lines.length === 1) return `${base}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
    return `${base}\n\n${lines.join('\n')}\n`;
  }
  let res = inspectValue(actual);
  let other = inspectValue(expected);
  const known = kReadableOperator[operator];
  if (operator === 'notDeepEqual' && res === other) {
    res = `${known}\n\n${res}`;
    if (res.length > 1024 && diff !== 'full') res = `${res.slice(0, 1021)}...`;
    return res;
  }
  if (diff !== 'full') {
    if (res.length > kMaxLongStringLength) res = `${res.slice(0, 509)}...`;
    if (other.length > kMaxLongStringLength) other = `${other.slice(0, 509)}...`;
  }
  if (operator === 'deepEqual') {
    res = `${known}\n\n${res}\n\nshould loosely deep-equal\n\n`;
  } else {
    const unequal = kReadableOperator[`${operator}Unequal`];
    if (unequal) res = `${unequal}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
    else other = ` ${operator} ${other}`;
  }
  return `${res}${other}`;
}

class AssertionError extends Error {
  constructor(options) {
    if (options === null || typeof options !== 'object') {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const { message, operator, details } = options;
    const stackStartFn = options.stackStartFn || options.stackStartFunction;
    let { actual, expected } = options;
    const diff = options.diff === 'full' ? 'full' : 'simple';
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let text;
    try {
      text = buildMessage({ message, operator, actual, expected, diff });
    } finally {
      Error.stackTraceLimit = limit;
    }
    super(text);
    this.generatedMessage = message == null;
    this.code = 'ERR_ASSERTION';
    if (details) {
      actual = details.actual;
      expected = details.expected;
    }
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
    this.diff = diff;
    // The stack's first line reads `AssertionError [ERR_ASSERTION]: …`, as in Node.
    Object.defineProperty(this, 'name', {
      __proto__: null, value: 'AssertionError [ERR_ASSERTION]', writable: true, enumerable: false, configurable: true,
    });
    Error.captureStackTrace(this, typeof stackStartFn === 'function' ? stackStartFn : AssertionError);
    this.name = 'AssertionError';
  }

  toString() { return `${this.name} [${this.code}]: ${this.message}`; }

  [inspect.custom](recurseTimes, ctx) {
    // Long strings are cut, and the values shown shallowly: the message already shows them.
    const { actual, expected } = this;
    if (typeof actual === 'string') this.actual = ellipsis(actual);
    if (typeof expected === 'string') this.expected = ellipsis(expected);
    try {
      return inspect(this, { ...ctx, customInspect: false, depth: 0 });
    } finally {
      this.actual = actual;
      this.expected = expected;
    }
  }
}

module.exports = { AssertionError, createErrDiff, inspectValue };
