'use strict';
// util.parseEnv: the `.env` format Node reads (`KEY=value` lines, `#` comments, an optional
// `export ` prefix, values in '', "" or `` that may span lines, `\n` escapes in "" only).

const isSpace = (c) => c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v';

function parseEnv(content) {
  const found = new Map();
  const length = content.length;
  let pos = 0;
  while (pos < length) {
    let end = content.indexOf('\n', pos);
    if (end === -1) end = length;
    const line = content.slice(pos, end);
    const next = end + 1;
    const eq = line.indexOf('=');
    if (line.startsWith('#') || line.trim() === '' || eq === -1) {
      pos = next;
      continue;
    }
    let key = line.slice(0, eq).trim();
    if (key.startsWith('export ')) key = key.slice(7).trim();
    if (key === '') {
      pos = next;
      continue;
    }
    let start = pos + eq + 1;
    while (start < end && isSpace(content[start])) start++;
    const quote = content[start];
    if (start < end && (quote === '"' || quote === '\'' || quote === '`')) {
      const close = content.indexOf(quote, start + 1);
      if (close !== -1) {
        let value = content.slice(start + 1, close);
        if (quote === '"') value = value.replaceAll('\\n', '\n');
        found.set(key, value);
        // Whatever follows the closing quote on its line is ignored.
        const lineEnd = content.indexOf('\n', close);
        pos = lineEnd === -1 ? length : lineEnd + 1;
        continue;
      }
    }
    let value = content.slice(start, end);
    if (!(quote === '"' || quote === '\'' || quote === '`')) {
      const hash = value.indexOf('#');
      if (hash !== -1) value = value.slice(0, hash);
    }
    found.set(key, value.trim());
    pos = next;
  }
  // Keys come out in byte order, as Node lists them.
  const result = {};
  for (const key of [...found.keys()].sort()) result[key] = found.get(key);
  return result;
}

module.exports = { parseEnv };
