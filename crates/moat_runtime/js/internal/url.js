'use strict';
// URL and URLSearchParams (WHATWG), parsed by the `url` crate.
const b = internalBinding('url');
const { codes } = require('internal/errors');

const kParts = Symbol('parts');
const kSearch = Symbol('searchParams');
const names = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];

function invalid(input, base) {
  const e = new codes.ERR_INVALID_URL();
  e.input = input;
  if (base !== undefined) e.base = base;
  return e;
}

class URL {
  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    const parts = b.parse(input, base);
    if (parts === null || parts === undefined) throw invalid(input, base);
    this[kParts] = parts;
  }
  static canParse(input, base = undefined) {
    const p = b.parse(`${input}`, base === undefined ? undefined : `${base}`);
    return p !== null && p !== undefined;
  }
  static parse(input, base = undefined) {
    try { return new URL(input, base); } catch { return null; }
  }
  _set(which, value) {
    const parts = b.set(this[kParts][0], which, `${value}`);
    if (parts) {
      this[kParts] = parts;
      if (this[kSearch]) this[kSearch]._parse(parts[9]);
    } else if (which === 'href') {
      throw invalid(`${value}`);
    }
  }
  get searchParams() {
    if (!this[kSearch]) {
      this[kSearch] = new URLSearchParams(this[kParts][9]);
      this[kSearch]._url = this;
    }
    return this[kSearch];
  }
  toString() { return this[kParts][0]; }
  toJSON() { return this[kParts][0]; }
  [Symbol.for('nodejs.util.inspect.custom')](depth, opts, inspect) {
    const obj = {};
    for (const n of names) obj[n] = this[n];
    obj.searchParams = this.searchParams;
    if (depth < 0) return `URL {}`;
    return `URL ${inspect(obj, opts).replace(/^\{/, '{')}`;
  }
}
names.forEach((n, i) => {
  const desc = { enumerable: true, configurable: true, get() { return this[kParts][i]; } };
  if (n !== 'origin') desc.set = function (v) { this._set(n, v); };
  Object.defineProperty(URL.prototype, n, desc);
});
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });

function encodeParam(s) {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function decodeParam(s) {
  try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; }
}

class URLSearchParams {
  constructor(init = undefined) {
    this._list = [];
    this._url = null;
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const p = [...pair];
          if (p.length !== 2) {
            const { codes: { ERR_INVALID_TUPLE } } = require('internal/errors');
            throw new (ERR_INVALID_TUPLE || TypeError)('Each query pair', '[name, value]');
          }
          this._list.push([`${p[0]}`, `${p[1]}`]);
        }
      } else {
        for (const k of Object.keys(init)) this._list.push([k, `${init[k]}`]);
      }
    } else {
      this._parse(`${init}`);
    }
  }
  _parse(s) {
    this._list = [];
    if (s.startsWith('?')) s = s.slice(1);
    for (const part of s.split('&')) {
      if (part === '') continue;
      const i = part.indexOf('=');
      this._list.push(i === -1 ? [decodeParam(part), ''] : [decodeParam(part.slice(0, i)), decodeParam(part.slice(i + 1))]);
    }
  }
  _update() {
    if (this._url) {
      const s = this.toString();
      const parts = b.set(this._url[kParts][0], 'search', s);
      if (parts) this._url[kParts] = parts;
    }
  }
  get size() { return this._list.length; }
  append(name, value) { this._list.push([`${name}`, `${value}`]); this._update(); }
  delete(name, value) {
    this._list = this._list.filter(([k, v]) => !(k === `${name}` && (value === undefined || v === `${value}`)));
    this._update();
  }
  get(name) { const e = this._list.find(([k]) => k === `${name}`); return e ? e[1] : null; }
  getAll(name) { return this._list.filter(([k]) => k === `${name}`).map(([, v]) => v); }
  has(name, value) { return this._list.some(([k, v]) => k === `${name}` && (value === undefined || v === `${value}`)); }
  set(name, value) {
    name = `${name}`;
    const i = this._list.findIndex(([k]) => k === name);
    if (i === -1) this._list.push([name, `${value}`]);
    else {
      this._list[i][1] = `${value}`;
      this._list = this._list.filter(([k], j) => k !== name || j === i);
    }
    this._update();
  }
  sort() { this._list.sort((a, b2) => (a[0] < b2[0] ? -1 : a[0] > b2[0] ? 1 : 0)); this._update(); }
  forEach(fn, thisArg) { for (const [k, v] of this._list) fn.call(thisArg, v, k, this); }
  keys() { return this._list.map(([k]) => k)[Symbol.iterator](); }
  values() { return this._list.map(([, v]) => v)[Symbol.iterator](); }
  entries() { return this._list.map(([k, v]) => [k, v])[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
  toString() { return this._list.map(([k, v]) => `${encodeParam(k)}=${encodeParam(v)}`).join('&'); }
  [Symbol.for('nodejs.util.inspect.custom')](depth, opts, inspect) {
    if (this._list.length === 0) return 'URLSearchParams {}';
    return `URLSearchParams { ${this._list.map(([k, v]) => `${inspect(k)} => ${inspect(v)}`).join(', ')} }`;
  }
}
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

function fileURLToPath(path) {
  if (typeof path === 'string') path = new URL(path);
  else if (!(path instanceof URL)) throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new codes.ERR_INVALID_URL_SCHEME('file');
  if (path.hostname !== '') throw new codes.ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = path.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) throw new codes.ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
    }
  }
  return decodeURIComponent(pathname);
}

function pathToFileURL(filepath) {
  const path = require('path');
  let resolved = path.resolve(filepath);
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  const encoded = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D')
    .replace(/\t/g, '%09').replace(/#/g, '%23').replace(/\?/g, '%3F');
  return new URL(`file://${encoded}`);
}

module.exports = { URL, URLSearchParams, fileURLToPath, pathToFileURL };
