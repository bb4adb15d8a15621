'use strict';
// AssertionError and the messages assert builds, with Node's wording and its line diff.

const { inspect } = require('internal/util/inspect');

const diffOptions = {
  compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity, showHidden: false,
  showProxy: false, sorted: true, getters: true, breakLength: Infinity,
};

function show(v) { return inspect(v, diffOptions); }

const headers = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values identical but not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Longest-common-subsequence diff of two line lists: ' ', '+' (actual) or '-' (expected).
function lineDiff(a, b) {
  const n = a.length, m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { out.push([' ', a[i]]); i++; j++; }
    else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) { out.push(['+', a[i]]); i++; }
    else { out.push(['-', b[j]]); j++; }
  }
  return out;
}

function diffMessage(operator, actual, expected) {
  const a = show(actual).split('\n');
  const e = show(expected).split('\n');
  if (a.length === 1 && e.length === 1 && a[0] !== e[0]) {
    const op = operator === 'deepStrictEqual' || operator === 'strictEqual' ? '!==' : '!=';
    if (typeof actual !== 'object' || actual === null || typeof expected !== 'object' || expected === null) {
      return `${headers[operator]}\n\n${a[0]} ${op} ${e[0]}\n`;
    }
  }
  const lines = lineDiff(a, e).map(([mark, text]) => `${mark === ' ' ? ' ' : mark} ${text}`);
  return `${headers[operator]}\n+ actual - expected\n\n${lines.join('\n')}\n`;
}

class AssertionError extends Error {
  constructor(options) {
    if (options === null || typeof options !== 'object') {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const { message, operator, stackStartFn, details } = options;
    let { actual, expected } = options;
    let text;
    if (message != null) {
      text = String(message);
      // A custom message on a strict comparison still shows what differed.
      if ((operator === 'strictEqual' || operator === 'deepStrictEqual') && !(message instanceof Error)) {
        const generated = diffMessage(operator, actual, expected);
        text += generated.slice(headers[operator].length);
      }
    } else if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
      const bothObjects = typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null;
      if (operator === 'strictEqual' && bothObjects && show(actual) === show(expected)) {
        text = `Values have same structure but are not reference-equal:\n\n${show(actual)}\n`;
      } else {
        text = diffMessage(operator, actual, expected);
      }
    } else if (operator === 'notDeepEqual') {
      text = `Expected values not to be loosely deep-equal:\n\n${show(actual)}\n\nshould not loosely deep-equal\n\n${show(expected)}`;
    } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
      const s = show(actual);
      if (operator === 'notStrictEqual' && (typeof actual !== 'object' || actual === null)) {
        text = `${headers.notStrictEqual} ${s}`;
      } else {
        text = `${headers[operator]}\n\n${s}\n`;
      }
    } else if (operator === 'deepEqual') {
      text = `${headers.deepEqual}\n\n${show(actual)}\n\nshould loosely deep-equal\n\n${show(expected)}`;
    } else {
      text = `${inspect(actual).slice(0, 128)} ${operator} ${inspect(expected).slice(0, 128)}`;
    }
    super(text);
    this.generatedMessage = message == null;
    this.code = 'ERR_ASSERTION';
    if (details) { actual = details.actual; expected = details.expected; }
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
    // The stack's first line reads `AssertionError [ERR_ASSERTION]: …`, as in Node.
    Object.defineProperty(this, 'name', { value: 'AssertionError [ERR_ASSERTION]', writable: true, enumerable: false, configurable: true });
    Error.captureStackTrace(this, typeof stackStartFn === 'function' ? stackStartFn : AssertionError);
    this.name = 'AssertionError';
  }
  toString() { return `${this.name} [${this.code}]: ${this.message}`; }
}

module.exports = { AssertionError, diffMessage };
