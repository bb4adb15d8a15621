'use strict';
// Glob matching for path.matchesGlob (and fs.glob to come), with the semantics Node gives it:
// `*`, `?`, bracket classes (ranges, `!`/`^` negation, POSIX classes), `**` across segments,
// brace expansion (`{a,b}`, `{1..9..2}`), the extglobs `?() *() +() @() !()`; a backslash is a
// separator, never an escape; a leading `!` or `#` is literal; matching is case-sensitive.
// A segment that starts with a dot is only matched by a pattern segment that names the dot, and
// `.`/`..` only literally. Paths and patterns are compared after empty and `.` segments inside
// them are dropped and `x/..` pairs are folded.

const kPosixClasses = {
  alnum: 'a-zA-Z0-9', alpha: 'a-zA-Z', ascii: '\\x00-\\x7f', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9', graph: '\\x21-\\x7e', lower: 'a-z', print: '\\x20-\\x7e', punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\r\\n\\v\\f', upper: 'A-Z', word: '\\w', xdigit: 'A-Fa-f0-9',
};

function escapeRegExp(s) { return s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&'); }

// Brace expansion: every pattern `pattern` stands for.
function expandBraces(pattern) {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') {
      const close = classEnd(pattern, i);
      if (close !== -1) i = close;
    } else if (c === '{') {
      if (depth++ === 0) open = i;
    } else if (c === '}' && depth > 0 && --depth === 0) {
      const body = pattern.slice(open + 1, i);
      const alternatives = splitTopLevel(body, ',');
      let items;
      if (alternatives.length > 1) items = alternatives;
      else items = sequence(body);
      if (items === null) continue;
      const head = pattern.slice(0, open);
      const tails = expandBraces(pattern.slice(i + 1));
      const out = [];
      for (const item of items) {
        for (const expanded of expandBraces(item)) {
          for (const tail of tails) out.push(head + expanded + tail);
        }
      }
      return out;
    }
  }
  return [pattern];
}

function splitTopLevel(text, separator) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '(') depth++;
    else if ((c === '}' || c === ')') && depth > 0) depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

// `{1..5}`, `{0..10..2}`, `{a..e}`: the items of the sequence, or null when `body` is none.
function sequence(body) {
  const m = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])(?:\.\.(-?\d+))?$/.exec(body);
  if (m === null) return null;
  const numeric = /\d/.test(m[1]) && /\d/.test(m[2]);
  if (!numeric && (/\d/.test(m[1]) || /\d/.test(m[2]))) return null;
  const from = numeric ? Number(m[1]) : m[1].charCodeAt(0);
  const to = numeric ? Number(m[2]) : m[2].charCodeAt(0);
  const step = Math.max(Math.abs(Number(m[3] || 1)), 1);
  const out = [];
  const width = numeric && (/^-?0\d/.test(m[1]) || /^-?0\d/.test(m[2])) ? Math.max(m[1].length, m[2].length) : 0;
  for (let v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) {
    if (!numeric) out.push(String.fromCharCode(v));
    else out.push(width ? String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0').replace(/^/, v < 0 ? '-' : '') : String(v));
    if (out.length > 100000) break;
  }
  return out;
}

// The index of the `]` closing the class that opens at `i`, or -1 when it is not a class.
function classEnd(s, i) {
  let j = i + 1;
  if (s[j] === '!' || s[j] === '^') j++;
  if (s[j] === ']') j++;
  for (; j < s.length; j++) {
    if (s[j] === '[' && s[j + 1] === ':') {
      const end = s.indexOf(':]', j + 2);
      if (end !== -1 && /^[a-z]+$/.test(s.slice(j + 2, end))) { j = end + 1; continue; }
    }
    if (s[j] === ']') return j;
    if (s[j] === '/') return -1;
  }
  return -1;
}

function classSource(s, start, end) {
  let i = start + 1;
  let negate = false;
  if (s[i] === '!' || s[i] === '^') { negate = true; i++; }
  let body = '';
  let first = true;
  while (i < end) {
    const c = s[i];
    if (c === '[' && s[i + 1] === ':') {
      const close = s.indexOf(':]', i + 2);
      const name = s.slice(i + 2, close);
      body += kPosixClasses[name] ?? '';
      i = close + 2;
    } else if (c === '-' && !first && i + 1 < end) {
      body += '-';
      i++;
    } else {
      body += c === '\\' || c === ']' || c === '[' || c === '^' || c === '-' ? `\\${c}` : c;
      i++;
    }
    first = false;
  }
  if (body === '') return negate ? '[^/]' : '(?!)';
  return negate ? `[^/${body}]` : `[${body}]`;
}

// The index of the `)` closing the extglob group that opens at `i` (the `(`), or -1.
function groupEnd(s, i) {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '[') {
      const close = classEnd(s, j);
      if (close !== -1) { j = close; continue; }
    }
    if (s[j] === '(') depth++;
    else if (s[j] === ')' && --depth === 0) return j;
  }
  return -1;
}

// The regular-expression source of one segment's pattern text, from `i` to its end.
function segmentSource(s, i = 0) {
  let out = '';
  while (i < s.length) {
    const c = s[i];
    if ('?*+@!'.includes(c) && s[i + 1] === '(') {
      const close = groupEnd(s, i + 1);
      if (close !== -1) {
        const alternatives = splitTopLevel(s.slice(i + 2, close), '|').map((a) => segmentSource(a)).join('|');
        if (c === '!') {
          const rest = segmentSource(s, close + 1);
          return `${out}(?:(?!(?:${alternatives})${rest}$)[^/]*?)${rest}`;
        }
        out += `(?:${alternatives})${{ '?': '?', '*': '*', '+': '+', '@': '' }[c]}`;
        i = close + 1;
        continue;
      }
    }
    if (c === '*') {
      while (s[i + 1] === '*') i++;
      out += '[^/]*?';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = classEnd(s, i);
      if (close === -1) out += '\\[';
      else {
        out += classSource(s, i, close);
        i = close;
      }
    } else {
      out += escapeRegExp(c);
    }
    i++;
  }
  return out;
}

const kGlobStar = Symbol('globstar');

// One pattern segment: the globstar, a literal string, or a RegExp.
function compileSegment(text) {
  if (text === '**') return kGlobStar;
  if (!/[*?[]|[?*+@!]\(/.test(text)) return text;
  let prefix = '(?!\\.{1,2}$)';
  const startsWild = (text[0] === '*' && text[1] !== '(') || (text[0] === '?' && text[1] !== '(') ||
    text.startsWith('!(') || (text[0] === '[' && !text.slice(0, classEnd(text, 0) + 1).includes('.'));
  if (startsWild) prefix += '(?!\\.)';
  // A lone wildcard does not stand for an empty segment.
  if ((text[0] === '*' || text[0] === '?') && text[1] !== '(') prefix += '(?=.)';
  return new RegExp(`^${prefix}${segmentSource(text)}$`);
}

// Segments with empty and `.` ones dropped (but for a leading one, the two of a Windows UNC
// prefix, and a trailing empty one) and `name/..` folded.
function segments(text, windows) {
  const parts = text.split('/');
  const out = [];
  const kept = windows && parts.length > 2 && parts[0] === '' && parts[1] === '' ? 2 : 1;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (i >= kept && i < parts.length - 1 && (p === '' || p === '.')) continue;
    if (p === '..' && out.length > 0) {
      const last = out[out.length - 1];
      if (last !== '..' && last !== '.' && last !== '' && last !== '**') {
        out.pop();
        continue;
      }
    }
    out.push(p);
  }
  // 'a/' ends in an empty segment; 'a//' does too, once.
  while (out.length > 1 && out[out.length - 1] === '' && out[out.length - 2] === '' && out.length > 2) out.pop();
  return out;
}

function matchSegment(pattern, segment) {
  if (typeof pattern === 'string') return pattern === segment;
  return pattern.test(segment);
}

function matchFrom(file, fi, pattern, pi) {
  for (; pi < pattern.length; pi++, fi++) {
    const p = pattern[pi];
    if (p === kGlobStar) {
      const last = pi === pattern.length - 1;
      // The globstar takes segments that are neither dot files nor `.`/`..`; at the end of the
      // pattern it must take at least one.
      for (let take = last ? 1 : 0; fi + take <= file.length; take++) {
        if (take > 0) {
          const s = file[fi + take - 1];
          if (s[0] === '.') return false;
        }
        if (last ? fi + take === file.length : matchFrom(file, fi + take, pattern, pi + 1)) return true;
      }
      return false;
    }
    if (fi >= file.length) return false;
    if (!matchSegment(p, file[fi])) return false;
  }
  // A path may end in one more, empty, segment (a trailing slash) than the pattern.
  return fi === file.length || (fi === file.length - 1 && file[fi] === '');
}

const cache = new Map();

function compile(pattern, windows) {
  const key = `${windows ? 'w' : 'p'}${pattern}`;
  let compiled = cache.get(key);
  if (compiled === undefined) {
    const unified = pattern.replace(/\\/g, '/');
    compiled = expandBraces(unified).map((p) => segments(p, windows).map(compileSegment));
    if (cache.size > 256) cache.clear();
    cache.set(key, compiled);
  }
  return compiled;
}

// Whether `path` matches `pattern`; `windows` takes `\` as a separator in `path` too.
function matchesGlob(path, pattern, windows) {
  const file = segments(windows ? path.replace(/\\/g, '/') : path, windows);
  for (const p of compile(pattern, windows)) {
    if (matchFrom(file, 0, p, 0)) return true;
  }
  return false;
}

module.exports = { matchesGlob };
