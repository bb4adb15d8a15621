'use strict';
// What the REPL needs to know about a piece of source text without a parser: whether input
// that failed to compile may just be unfinished, and how to run code with top-level await as
// an async function whose declarations still land in the global scope.

// Walks the text at top level, skipping strings, template literals, comments and regular
// expressions. Returns the bracket stack left open and whether a string, template or comment
// is unterminated, plus the top-level statement boundaries (indexes of ';' and newlines at
// depth 0).
function scan(code) {
  const open = [];
  const boundaries = [];
  let unterminated = false;
  let i = 0;
  let lastSignificant = '';
  const n = code.length;
  const closing = { ')': '(', ']': '[', '}': '{' };
  while (i < n) {
    const ch = code[i];
    if (ch === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      i = end === -1 ? n : end;
      continue;
    }
    if (ch === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      if (end === -1) return { open, unterminated: true, boundaries };
      i = end + 2;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n && code[j] !== ch && code[j] !== '\n') j += code[j] === '\\' ? 2 : 1;
      if (j >= n) {
        // A string may continue on the next line only after a backslash.
        unterminated = code.endsWith('\\\n') || code.endsWith('\\');
        return { open, unterminated, boundaries, brokenString: !unterminated };
      }
      i = j + 1;
      lastSignificant = ch;
      continue;
    }
    if (ch === '`' || (ch === '}' && open[open.length - 1] === '${')) {
      if (ch === '}') open.pop();
      let j = i + 1;
      let closed = false;
      while (j < n) {
        if (code[j] === '\\') { j += 2; continue; }
        if (code[j] === '`') { closed = true; j++; break; }
        if (code[j] === '$' && code[j + 1] === '{') { open.push('${'); j += 2; break; }
        j++;
      }
      if (!closed && open[open.length - 1] !== '${') return { open, unterminated: true, boundaries };
      i = j;
      lastSignificant = '`';
      continue;
    }
    if (ch === '/' && /^$|[(,=:[!&|?{};+\-*%<>~^]$/.test(lastSignificant)) {
      // A regular expression literal where an operand is expected.
      let j = i + 1;
      let inClass = false;
      while (j < n && code[j] !== '\n') {
        if (code[j] === '\\') { j += 2; continue; }
        if (code[j] === '[') inClass = true;
        else if (code[j] === ']') inClass = false;
        else if (code[j] === '/' && !inClass) break;
        j++;
      }
      i = j + 1;
      while (i < n && /[a-z]/i.test(code[i])) i++;
      lastSignificant = 'a';
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') open.push(ch);
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (open[open.length - 1] === closing[ch]) open.pop();
      else return { open: [], unterminated: false, boundaries, mismatched: true };
    }
    if (open.length === 0 && (ch === ';' || ch === '\n')) boundaries.push(i);
    if (!/\s/.test(ch)) lastSignificant = ch;
    i++;
  }
  return { open, unterminated, boundaries };
}

// A syntax error in `code` that more input could fix: an open bracket, an unterminated
// template literal or comment, or the engine saying the input ended too soon.
function isRecoverable(err, code) {
  if (err === null || typeof err !== 'object' || err.name !== 'SyntaxError') return false;
  const result = scan(code);
  if (result.mismatched || result.brokenString) return false;
  if (result.unterminated || result.open.length > 0) return true;
  return /end of (input|script|file)|unexpected end|expecting '[)\]}]'/i.test(String(err.message));
}

const KEYWORD_STATEMENT = /^(?:if|for|while|do|switch|try|return|throw|break|continue|function|async\s+function|class|import|export|var|let|const|label)\b|^[{;]|^$/;

// Names a declaration pattern binds: identifiers outside default values and property keys.
function patternNames(pattern) {
  const names = [];
  const stripped = pattern.replace(/=[^,}\]]*/g, '');
  const re = /(?:^|[{[,\s]|\.\.\.)([A-Za-z_$][\w$]*)\s*(?=[,}\]]|$)/g;
  let m;
  while ((m = re.exec(stripped)) !== null) names.push(m[1]);
  return names;
}

// Code with top-level await as an async function expression. Top-level `var`, `let`,
// `const`, `function` and `class` declarations become assignments to global variables
// declared by `prelude`; the value of a final expression statement is returned. Returns null
// when the code has no await worth wrapping.
function wrapTopLevelAwait(code) {
  if (!/\bawait\b|\bfor\s+await\b/.test(code)) return null;
  const { boundaries } = scan(code);
  const statements = [];
  let start = 0;
  for (const b of boundaries) {
    statements.push(code.slice(start, b + 1));
    start = b + 1;
  }
  statements.push(code.slice(start));
  const declared = [];
  const out = statements.map((s) => {
    const lead = s.match(/^\s*/)[0];
    const body = s.slice(lead.length);
    let m = /^(var|let|const)\s+([\s\S]*)$/.exec(body);
    if (m !== null) {
      const rest = m[2].replace(/;\s*$/, '');
      if (/^[[{]/.test(rest)) {
        declared.push(...patternNames(rest.slice(0, matchingEnd(rest))));
      } else {
        // Simple declarators: each one's name comes first.
        for (const part of splitTopLevel(rest, ',')) {
          const name = /^\s*([A-Za-z_$][\w$]*)/.exec(part);
          if (name) declared.push(name[1]);
        }
      }
      return `${lead}void (${rest});\n`;
    }
    m = /^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/.exec(body) || /^class\s+([A-Za-z_$][\w$]*)/.exec(body);
    if (m !== null) {
      declared.push(m[1]);
      return `${lead}${m[1]} = ${body}`;
    }
    return s;
  });
  // The last statement with text in it: returned when it is an expression.
  let last = out.length - 1;
  while (last >= 0 && /^\s*;?\s*$/.test(out[last])) last--;
  const names = [...new Set(declared)];
  const prelude = names.length > 0 ? `var ${names.join(', ')};` : '';
  const bodyNoReturn = `(async () => {\n${out.join('')}\n})()`;
  if (last >= 0) {
    const trimmed = out[last].trim().replace(/;$/, '');
    if (!KEYWORD_STATEMENT.test(trimmed) && !/^void \(/.test(trimmed)) {
      const withReturn = [...out];
      withReturn[last] = `return (${trimmed});\n`;
      return { prelude, body: `(async () => {\n${withReturn.join('')}\n})()`, bodyNoReturn };
    }
  }
  return { prelude, body: bodyNoReturn, bodyNoReturn };
}

// The index just past the bracket that closes the one at the start of `text`.
function matchingEnd(text) {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{' || text[i] === '[' || text[i] === '(') depth++;
    else if (text[i] === '}' || text[i] === ']' || text[i] === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

// `text` split at `sep` where no bracket is open.
function splitTopLevel(text, sep) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

module.exports = { isRecoverable, wrapTopLevelAwait, scan };
