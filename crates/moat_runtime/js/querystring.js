'use strict';
// node:querystring — the legacy `a=1&b=2` parser and serializer, with Node's escaping: what
// encodeURIComponent leaves alone stays, everything else is percent-encoded as UTF-8, and
// decoding falls back to byte-wise when a sequence is not valid UTF-8.

const lazyBuffer = () => require('buffer').Buffer;

// Characters escape leaves as they are (encodeURIComponent's unreserved set).
const unreserved = /[A-Za-z0-9\-_.!~*'()]/;
const hex = (b) => `%${b < 16 ? '0' : ''}${b.toString(16).toUpperCase()}`;

function escape(str) {
  if (typeof str !== 'string') str = typeof str === 'object' ? String(str) : `${str}`;
  let out = '';
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      out += unreserved.test(str[i]) ? str[i] : hex(c);
    } else if (c < 0x800) {
      out += hex(0xc0 | (c >> 6)) + hex(0x80 | (c & 0x3f));
    } else if (c < 0xd800 || c >= 0xe000) {
      out += hex(0xe0 | (c >> 12)) + hex(0x80 | ((c >> 6) & 0x3f)) + hex(0x80 | (c & 0x3f));
    } else {
      // A surrogate takes the next code unit with it, whatever that is, as Node's encoder does.
      if (++i >= str.length) {
        const err = new URIError('URI malformed');
        err.code = 'ERR_INVALID_URI';
        throw err;
      }
      c = 0x10000 + (((c & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      out += hex(0xf0 | (c >> 18)) + hex(0x80 | ((c >> 12) & 0x3f)) + hex(0x80 | ((c >> 6) & 0x3f)) +
        hex(0x80 | (c & 0x3f));
    }
  }
  return out;
}

const isHex = (code) => (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);

// The bytes `str` stands for: each `%XX` one byte (a `%` without two hex digits is itself), `+`
// a space when `decodeSpaces`, and every other character one byte, its code's low eight bits
// (as Node's does).
function unescapeBuffer(str, decodeSpaces) {
  str = `${str}`;
  const bytes = [];
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code === 37 /* % */ && i + 2 < str.length && isHex(str.charCodeAt(i + 1)) && isHex(str.charCodeAt(i + 2))) {
      bytes.push(parseInt(str.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (code === 43 /* + */ && decodeSpaces) {
      bytes.push(32);
    } else {
      bytes.push(code & 0xff);
    }
  }
  return lazyBuffer().from(bytes);
}

function unescape(str, decodeSpaces) {
  try {
    return decodeURIComponent(str);
  } catch {
    return module.exports.unescapeBuffer(str, decodeSpaces).toString();
  }
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? `${v}` : '';
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj, sep, eq, options) {
  sep ||= '&';
  eq ||= '=';
  const encode = options && typeof options.encodeURIComponent === 'function' ?
    options.encodeURIComponent : module.exports.escape;
  if (obj === null || typeof obj !== 'object') return '';
  const pairs = [];
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    const prefix = `${encode(stringifyPrimitive(key))}${eq}`;
    if (Array.isArray(value)) {
      for (const item of value) pairs.push(`${prefix}${encode(stringifyPrimitive(item))}`);
    } else {
      pairs.push(`${prefix}${encode(stringifyPrimitive(value))}`);
    }
  }
  return pairs.join(sep);
}

function parse(str, sep, eq, options) {
  const out = { __proto__: null };
  if (typeof str !== 'string' || str.length === 0) return out;
  sep = sep ? `${sep}` : '&';
  eq = eq ? `${eq}` : '=';
  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
  // 0, or no finite limit: every pair.
  const limit = maxKeys > 0 && Number.isFinite(maxKeys) ? maxKeys : Infinity;
  // The default decoder runs only on text with a `%XX` escape (a `+` alone is a space); another
  // decoder, given or put in place of querystring.unescape, sees every key and value, with each
  // `+` as `%20`.
  const decoder = options && typeof options.decodeURIComponent === 'function' ?
    options.decodeURIComponent : module.exports.unescape;
  const custom = decoder !== unescape;
  const decode = (s) => {
    if (!custom) {
      s = s.replaceAll('+', ' ');
      if (!/%[0-9a-fA-F]{2}/.test(s)) return s;
    } else {
      s = s.replaceAll('+', '%20');
    }
    try {
      return decoder(s);
    } catch {
      return module.exports.unescape(s, true);
    }
  };
  let pairs = str.split(sep);
  if (pairs.length > limit) pairs = pairs.slice(0, limit);
  for (const pair of pairs) {
    if (pair.length === 0) continue;
    const at = pair.indexOf(eq);
    const key = decode(at === -1 ? pair : pair.slice(0, at));
    const value = at === -1 ? '' : decode(pair.slice(at + eq.length));
    const seen = out[key];
    if (seen === undefined) out[key] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else out[key] = [seen, value];
  }
  return out;
}

module.exports = {
  unescapeBuffer,
  unescape,
  escape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
