'use strict';
// JSON.parse's errors in V8's words where QuickJS-ng words them differently: an unexpected
// character with the text around it, the end of the input, an unterminated string. Runs only
// after a parse has failed: it scans the text again to find where.

const WS = new Set([' ', '\t', '\n', '\r']);

// The first position where `text` stops being JSON, and why: { pos, kind } with kind one of
// 'char' (an unexpected character at pos), 'end' (the input ended early), 'string' (it ended
// inside a string). Undefined when the scan finds nothing wrong.
function findError(text) {
  let i = 0;
  const n = text.length;
  const fail = (kind, pos = i) => { throw { pos, kind }; };
  const ws = () => { while (i < n && WS.has(text[i])) i++; };
  const literal = (word) => {
    for (let k = 0; k < word.length; k++, i++) {
      if (i >= n) fail('end');
      if (text[i] !== word[k]) fail('char');
    }
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= n) fail('string', n);
      const c = text[i];
      if (c === '"') { i++; return; }
      if (c === '\\') i++;
      i++;
    }
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (i >= n) fail('end');
    if (!/[0-9]/.test(text[i])) fail('char');
    while (i < n && /[0-9.eE+-]/.test(text[i])) i++;
  };
  const value = () => {
    ws();
    if (i >= n) fail('end');
    const c = text[i];
    if (c === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (i >= n) fail('end');
        if (text[i] !== '"') fail('char');
        string(); ws();
        if (i >= n) fail('end');
        if (text[i] !== ':') fail('char');
        i++; value(); ws();
        if (i >= n) fail('end');
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail('char');
      }
    }
    if (c === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(); ws();
        if (i >= n) fail('end');
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail('char');
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    fail('char');
  };
  try {
    value(); ws();
    if (i < n) fail('char');
  } catch (e) {
    if (e !== null && typeof e === 'object' && 'kind' in e) return e;
    throw e;
  }
  return undefined;
}

function lineColumn(text, pos) {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return `(line ${line} column ${pos - before.lastIndexOf('\n')})`;
}

const at = (text, pos) => `at position ${pos} ${lineColumn(text, pos)}`;

// Rewrites `err.message` for the failures QuickJS-ng words its own way.
function explain(err, text) {
  if (typeof text !== 'string') return;
  const m = err.message;
  // V8 counts the minus sign as read, and says a quote is expected after a comma.
  const minus = /^No number after minus sign in JSON at position (\d+)/.exec(m);
  if (minus) {
    err.message = `No number after minus sign in JSON ${at(text, Number(minus[1]) + 1)}`;
    return;
  }
  const name = /^Expected property name or '}' in JSON at position (\d+)/.exec(m);
  if (name) {
    if (text.slice(0, Number(name[1])).trimEnd().endsWith(',')) {
      err.message = `Expected double-quoted property name in JSON ${at(text, Number(name[1]))}`;
    }
    return;
  }
  if (m === 'unexpected data at the end') {
    const found = findError(text);
    if (found !== undefined && found.kind === 'char') {
      err.message = `Unexpected non-whitespace character after JSON ${at(text, found.pos)}`;
    }
    return;
  }
  if (!(m.startsWith('unexpected token: ') || m === 'Unexpected end of JSON input')) return;
  const found = findError(text);
  if (found === undefined) return;
  const { pos, kind } = found;
  if (kind === 'end') {
    err.message = 'Unexpected end of JSON input';
  } else if (kind === 'string') {
    err.message = `Unterminated string in JSON at position ${pos} ${lineColumn(text, pos)}`;
  } else {
    const start = Math.max(0, pos - 10);
    const end = Math.min(text.length, pos + 10);
    const context = `${start > 0 ? '...' : ''}"${text.slice(start, end)}"${end < text.length ? '...' : ''}`;
    err.message = `Unexpected token '${text[pos]}', ${context} is not valid JSON`;
  }
}

module.exports = { explain };
