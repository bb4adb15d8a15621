'use strict';
// process.loadEnvFile: a dotenv file's variables into process.env, keeping those already set
// (as --env-file does).

function loadEnvFile(process, path) {
  const fs = require('fs');
  const file = path === undefined ? '.env' : path;
  if (typeof file !== 'string' && !(file instanceof Uint8Array) && !(file instanceof URL)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], file);
  }
  const parsed = parse(fs.readFileSync(file, 'utf8'));
  for (const key of Object.keys(parsed)) {
    if (!Object.hasOwn(process.env, key)) process.env[key] = parsed[key];
  }
}

// The dotenv format as Node reads it: `KEY=value` lines, an optional `export ` before the key,
// `#` comments, values in single, double or back quotes (which may span lines; in double
// quotes `\n` is a newline), unquoted values trimmed and ended by ` #`. A later key wins.
function parse(text) {
  const out = {};
  const src = text.replace(/\r\n?/g, '\n');
  let i = 0;
  while (i < src.length) {
    let end = src.indexOf('\n', i);
    if (end === -1) end = src.length;
    const line = src.slice(i, end);
    const eq = line.indexOf('=');
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || eq === -1) {
      i = end + 1;
      continue;
    }
    let key = line.slice(0, eq).trim();
    if (key.startsWith('export ')) key = key.slice(7).trim();
    let rest = src.slice(i + eq + 1).replace(/^[ \t]+/, '');
    const quote = rest[0];
    let value;
    let consumed;
    const close = (quote === '"' || quote === "'" || quote === '`') ? rest.indexOf(quote, 1) : -1;
    if (close !== -1) {
      value = rest.slice(1, close);
      if (quote === '"') value = value.replace(/\\n/g, '\n');
      const after = rest.indexOf('\n', close);
      consumed = after === -1 ? rest.length : after;
    } else {
      const nl = rest.indexOf('\n');
      value = nl === -1 ? rest : rest.slice(0, nl);
      consumed = value.length;
      const hash = value.indexOf('#');
      if (hash !== -1) value = value.slice(0, hash);
      value = value.trim();
    }
    if (key !== '') out[key] = value;
    i = i + eq + 1 + (src.slice(i + eq + 1).length - rest.length) + consumed + 1;
  }
  return out;
}

module.exports = { loadEnvFile, parse };
