'use strict';
// URL and URLSearchParams (the WHATWG URL Standard), with Node's argument checks, errors and
// inspect output. The Rust half parses and applies setters (the `url` crate); a URL keeps the
// eleven components it returned and hands them out as they are.

const b = internalBinding('url');
const { codes } = require('internal/errors');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
// Indexes of the components in what the Rust half returns.
const HREF = 0, ORIGIN = 1, PROTOCOL = 2, USERNAME = 3, PASSWORD = 4, HOST = 5, HOSTNAME = 6,
  PORT = 7, PATHNAME = 8, SEARCH = 9, HASH = 10;

// WebIDL's USVString: a string, with lone surrogates made U+FFFD.
function toUSVString(value) {
  if (typeof value === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  return `${value}`.toWellFormed();
}

function invalidURL(input, base) {
  const err = new codes.ERR_INVALID_URL();
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

// What V8 says when a class's private state is read from an object without it.
const notURL = () => new TypeError('Receiver must be an instance of class URL');
const noContext = () =>
  new TypeError('Cannot read private member #context from an object whose class did not declare it');

// Links between a URL and its URLSearchParams (set in the classes' static blocks).
let paramsForURL; // (url, query) -> a URLSearchParams bound to url
let paramsReparse; // (params, query) -> its list from the URL's new query
let urlSetQuery; // (url, serialized) -> the URL's query from its params

const stylize = (opts, text) => (typeof opts.stylize === 'function' ? opts.stylize(text, 'special') : text);

class URL {
  #context;
  #searchParams;

  static {
    urlSetQuery = (url, serialized) => {
      const parts = b.set(url.#context[HREF], 'search', serialized);
      if (parts) url.#context = parts;
    };
  }

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    input = toUSVString(input);
    if (base !== undefined) base = toUSVString(base);
    const parts = b.parse(input, base);
    if (parts == null) throw invalidURL(input, base);
    this.#context = parts;
  }

  #get(i) {
    return this.#context[i];
  }

  #set(which, value) {
    const parts = b.set(this.#context[HREF], which, toUSVString(value));
    if (parts == null) {
      if (which === 'href') throw invalidURL(toUSVString(value));
      return;
    }
    const oldSearch = this.#context[SEARCH];
    this.#context = parts;
    if (this.#searchParams !== undefined && (which === 'href' || parts[SEARCH] !== oldSearch)) {
      paramsReparse(this.#searchParams, parts[SEARCH]);
    }
  }

  static #checked(self, message) {
    if (self === null || (typeof self !== 'object' && typeof self !== 'function') || !(#context in self)) {
      throw message();
    }
    return self;
  }

  toString() {
    return URL.#checked(this, notURL).#context[HREF];
  }

  get href() {
    return URL.#checked(this, notURL).#context[HREF];
  }

  set href(value) {
    URL.#checked(this, noContext).#set('href', value);
  }

  get origin() {
    return URL.#checked(this, noContext).#get(ORIGIN);
  }

  get protocol() {
    return URL.#checked(this, noContext).#get(PROTOCOL);
  }

  set protocol(value) {
    URL.#checked(this, noContext).#set('protocol', value);
  }

  get username() {
    return URL.#checked(this, noContext).#get(USERNAME);
  }

  set username(value) {
    URL.#checked(this, noContext).#set('username', value);
  }

  get password() {
    return URL.#checked(this, noContext).#get(PASSWORD);
  }

  set password(value) {
    URL.#checked(this, noContext).#set('password', value);
  }

  get host() {
    return URL.#checked(this, noContext).#get(HOST);
  }

  set host(value) {
    URL.#checked(this, noContext).#set('host', value);
  }

  get hostname() {
    return URL.#checked(this, noContext).#get(HOSTNAME);
  }

  set hostname(value) {
    URL.#checked(this, noContext).#set('hostname', value);
  }

  get port() {
    return URL.#checked(this, noContext).#get(PORT);
  }

  set port(value) {
    URL.#checked(this, noContext).#set('port', value);
  }

  get pathname() {
    return URL.#checked(this, noContext).#get(PATHNAME);
  }

  set pathname(value) {
    URL.#checked(this, noContext).#set('pathname', value);
  }

  get search() {
    return URL.#checked(this, notURL).#context[SEARCH];
  }

  set search(value) {
    URL.#checked(this, noContext).#set('search', value);
  }

  get searchParams() {
    const self = URL.#checked(this, noContext);
    self.#searchParams ??= paramsForURL(self, self.#context[SEARCH]);
    return self.#searchParams;
  }

  get hash() {
    return URL.#checked(this, noContext).#get(HASH);
  }

  set hash(value) {
    URL.#checked(this, noContext).#set('hash', value);
  }

  toJSON() {
    return URL.#checked(this, notURL).#context[HREF];
  }

  [kInspect](depth, opts, inspect) {
    const self = URL.#checked(this, noContext);
    if (typeof depth === 'number' && depth < 0) return this;
    const name = (typeof self.constructor === 'function' && self.constructor.name) || 'URL';
    const ctx = self.#context;
    const obj = {
      href: ctx[HREF], origin: ctx[ORIGIN], protocol: ctx[PROTOCOL], username: ctx[USERNAME],
      password: ctx[PASSWORD], host: ctx[HOST], hostname: ctx[HOSTNAME], port: ctx[PORT],
      pathname: ctx[PATHNAME], search: ctx[SEARCH], searchParams: self.searchParams, hash: ctx[HASH],
    };
    return `${name} ${inspect(obj, opts)}`;
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    input = toUSVString(input);
    if (base !== undefined) base = toUSVString(base);
    return b.parse(input, base) == null ? null : new URL(input, base);
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    input = toUSVString(input);
    if (base !== undefined) base = toUSVString(base);
    return b.parse(input, base) != null;
  }

  static createObjectURL(obj) {
    const { Blob } = require('internal/blob');
    if (!(obj instanceof Blob)) throw new codes.ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    const id = `blob:nodedata:${randomUUID()}`;
    blobRegistry.set(id, obj);
    return id;
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    blobRegistry.delete(toUSVString(url));
  }
}

// Blobs registered by URL.createObjectURL, by their `blob:nodedata:` URL.
const blobRegistry = new Map();

function randomUUID() {
  const hex = [];
  for (let i = 0; i < 16; i++) hex.push(Math.floor(Math.random() * 256));
  hex[6] = (hex[6] & 0x0f) | 0x40;
  hex[8] = (hex[8] & 0x3f) | 0x80;
  const h = hex.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// buffer.resolveObjectURL: the Blob a `blob:nodedata:` URL names, or undefined.
function resolveObjectURL(url) {
  if (typeof url !== 'string' || !url.startsWith('blob:nodedata:')) return undefined;
  return blobRegistry.get(url);
}

// Node's property shapes: accessors and methods with string names are enumerable.
function makeEnumerable(target, names) {
  for (const name of names) {
    const desc = Object.getOwnPropertyDescriptor(target, name);
    desc.enumerable = true;
    Object.defineProperty(target, name, desc);
  }
}
makeEnumerable(URL.prototype, ['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host',
  'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']);
makeEnumerable(URL, ['parse', 'canParse', 'createObjectURL', 'revokeObjectURL']);
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });

// application/x-www-form-urlencoded serialisation: bytes outside `*-._` and ASCII alphanumerics
// percent-encoded, spaces as `+`.
function encodeParam(s) {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// The name/value pairs of a query string.
function parseQuery(query) {
  if (query.startsWith('?')) query = query.slice(1);
  const list = [];
  if (query === '') return list;
  if (!query.includes('%') && !query.includes('+')) {
    for (const part of query.split('&')) {
      if (part === '') continue;
      const i = part.indexOf('=');
      list.push(i === -1 ? [part, ''] : [part.slice(0, i), part.slice(i + 1)]);
    }
    return list;
  }
  const flat = b.parseParams(query);
  for (let i = 0; i < flat.length; i += 2) list.push([flat[i], flat[i + 1]]);
  return list;
}

const paramsThis = () => new codes.ERR_INVALID_THIS('URLSearchParams');
const iteratorThis = () => new codes.ERR_INVALID_THIS('URLSearchParamsIterator');

let listOf; // (params) -> its list of [name, value]

class URLSearchParams {
  #list = [];
  #url = null;

  static {
    listOf = (params) => params.#list;
    paramsForURL = (url, query) => {
      const params = new URLSearchParams();
      params.#list = parseQuery(query);
      params.#url = url;
      return params;
    };
    paramsReparse = (params, query) => {
      params.#list = parseQuery(query);
    };
  }

  constructor(init = undefined) {
    if (init === undefined) return;
    if (init !== null && (typeof init === 'object' || typeof init === 'function')) {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        this.#list = init.#list.map(([k, v]) => [k, v]);
      } else if (method !== undefined && method !== null) {
        if (typeof method !== 'function') throw new codes.ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of { [Symbol.iterator]: () => method.call(init) }) {
          if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new codes.ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const p = Array.from(pair);
          if (p.length !== 2) throw new codes.ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          this.#list.push([toUSVString(p[0]), toUSVString(p[1])]);
        }
      } else {
        // A record: its own enumerable keys, in order; a key seen again replaces its value.
        const seen = new Map();
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const k = toUSVString(key);
          const v = toUSVString(init[key]);
          if (seen.has(k)) this.#list[seen.get(k)][1] = v;
          else {
            seen.set(k, this.#list.length);
            this.#list.push([k, v]);
          }
        }
      }
    } else {
      this.#list = parseQuery(toUSVString(init));
    }
  }

  static #checked(self) {
    if (self === null || (typeof self !== 'object' && typeof self !== 'function') || !(#list in self)) {
      throw paramsThis();
    }
    return self;
  }

  #update() {
    if (this.#url !== null) urlSetQuery(this.#url, this.toString());
  }

  get size() {
    return URLSearchParams.#checked(this).#list.length;
  }

  append(name, value) {
    const self = URLSearchParams.#checked(this);
    if (arguments.length < 2) throw new codes.ERR_MISSING_ARGS('name', 'value');
    self.#list.push([toUSVString(name), toUSVString(value)]);
    self.#update();
  }

  delete(name, value = undefined) {
    const self = URLSearchParams.#checked(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      self.#list = self.#list.filter(([k, v]) => k !== name || v !== value);
    } else {
      self.#list = self.#list.filter(([k]) => k !== name);
    }
    self.#update();
  }

  get(name) {
    const self = URLSearchParams.#checked(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const entry = self.#list.find(([k]) => k === name);
    return entry === undefined ? null : entry[1];
  }

  getAll(name) {
    const self = URLSearchParams.#checked(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    return self.#list.filter(([k]) => k === name).map(([, v]) => v);
  }

  has(name, value = undefined) {
    const self = URLSearchParams.#checked(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    if (value === undefined) return self.#list.some(([k]) => k === name);
    value = toUSVString(value);
    return self.#list.some(([k, v]) => k === name && v === value);
  }

  set(name, value) {
    const self = URLSearchParams.#checked(this);
    if (arguments.length < 2) throw new codes.ERR_MISSING_ARGS('name', 'value');
    name = toUSVString(name);
    value = toUSVString(value);
    const i = self.#list.findIndex(([k]) => k === name);
    if (i === -1) {
      self.#list.push([name, value]);
    } else {
      self.#list[i][1] = value;
      self.#list = self.#list.filter(([k], j) => k !== name || j === i);
    }
    self.#update();
  }

  sort() {
    const self = URLSearchParams.#checked(this);
    // Stable, by UTF-16 code units of the names.
    self.#list.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    self.#update();
  }

  entries() {
    return new URLSearchParamsIterator(URLSearchParams.#checked(this), 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    const self = URLSearchParams.#checked(this);
    if (typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'function', callback);
    // The list is read afresh each turn: the callback may change it.
    for (let i = 0; i < self.#list.length; i++) {
      const [k, v] = self.#list[i];
      callback.call(thisArg, v, k, self);
    }
  }

  keys() {
    return new URLSearchParamsIterator(URLSearchParams.#checked(this), 'key');
  }

  values() {
    return new URLSearchParamsIterator(URLSearchParams.#checked(this), 'value');
  }

  toString() {
    const self = URLSearchParams.#checked(this);
    return self.#list.map(([k, v]) => `${encodeParam(k)}=${encodeParam(v)}`).join('&');
  }

  [kInspect](depth, opts, inspect) {
    const self = URLSearchParams.#checked(this);
    if (typeof depth === 'number' && depth < 0) return stylize(opts, '[Object]');
    const inner = { ...opts };
    if (depth !== null && depth !== undefined) inner.depth = depth - 1;
    const items = self.#list.map(([k, v]) => `${inspect(k, inner)} => ${inspect(v, inner)}`);
    const name = (typeof self.constructor === 'function' && self.constructor.name) || 'URLSearchParams';
    return formatList(name, items, opts, true);
  }
}

// `Name { a, b }`, or one item a line when they do not fit in breakLength.
function formatList(name, items, opts, emptyBraces) {
  if (items.length === 0 && emptyBraces) return `${name} {}`;
  // eslint-disable-next-line no-control-regex
  const width = items.reduce((n, s) => n + s.replace(/\x1b\[\d\d?m/g, '').length + 2, -2);
  const breakLength = opts.breakLength ?? 128;
  if (width > breakLength) return `${name} {\n  ${items.join(',\n  ')} }`;
  return `${name} { ${items.join(', ')} }`;
}

Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: URLSearchParams.prototype.entries, writable: true, configurable: true,
});
makeEnumerable(URLSearchParams.prototype, ['size', 'append', 'delete', 'get', 'getAll', 'has', 'set', 'sort',
  'entries', 'forEach', 'keys', 'values', 'toString']);
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

// A live iterator over a URLSearchParams: it sees changes made while it runs.
class URLSearchParamsIterator {
  #target;
  #kind;
  #index = 0;

  constructor(target, kind) {
    this.#target = target;
    this.#kind = kind;
  }

  static #checked(self) {
    if (self === null || (typeof self !== 'object' && typeof self !== 'function') || !(#target in self)) {
      throw iteratorThis();
    }
    return self;
  }

  #item([k, v]) {
    if (this.#kind === 'key') return k;
    if (this.#kind === 'value') return v;
    return [k, v];
  }

  next() {
    const self = URLSearchParamsIterator.#checked(this);
    const list = listOf(self.#target);
    if (self.#index >= list.length) return { value: undefined, done: true };
    return { value: self.#item(list[self.#index++]), done: false };
  }

  [kInspect](depth, opts, inspect) {
    const self = URLSearchParamsIterator.#checked(this);
    if (typeof depth === 'number' && depth < 0) return stylize(opts, '[Object]');
    const inner = { ...opts };
    if (depth !== null && depth !== undefined) inner.depth = depth - 1;
    const items = listOf(self.#target).slice(self.#index).map((e) => inspect(self.#item(e), inner));
    return formatList('URLSearchParams Iterator', items, opts, false);
  }
}
Object.setPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
Object.defineProperty(URLSearchParamsIterator.prototype, Symbol.toStringTag, {
  value: 'URLSearchParams Iterator', configurable: true,
});
makeEnumerable(URLSearchParamsIterator.prototype, ['next']);

// Node's test for a URL-like object: a WHATWG URL, or anything shaped like one (href and
// protocol, and no legacy `auth` or `path`).
function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined && self.path === undefined);
}

// Characters a file path keeps in its file: URL; every other one is percent-encoded (UTF-8).
const pathSafe = /[A-Za-z0-9\-._!$&'()*+,;=:@/]/;
function encodePathChars(path) {
  let out = '';
  for (const ch of path.toWellFormed()) {
    if (ch.length === 1 && pathSafe.test(ch)) out += ch;
    else out += encodeURIComponent(ch).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }
  return out;
}

function pathToFileURL(filepath, options = undefined) {
  const { validateString } = require('internal/validators');
  validateString(filepath, 'path');
  const windows = options?.windows ?? false;
  const path = require('path');
  if (windows) {
    // Extended-length paths: \\?\UNC\server\share and \\?\C:\dir.
    if (filepath.startsWith('\\\\?\\UNC\\')) filepath = `\\\\${filepath.slice(8)}`;
    else if (filepath.startsWith('\\\\?\\')) filepath = filepath.slice(4);
    if (filepath.startsWith('\\\\') || filepath.startsWith('//')) {
      // A UNC path: \\server\share\rest.
      const parts = filepath.slice(2).split(/[\\/]/);
      const host = parts.shift();
      if (host === '') throw new codes.ERR_INVALID_ARG_VALUE('path', filepath, 'Empty UNC servername');
      if (parts.length === 0) throw new codes.ERR_INVALID_ARG_VALUE('path', filepath, 'Missing UNC resource path');
      const url = new URL('file://');
      url.hostname = host;
      url.pathname = encodePathChars(`/${parts.join('/')}`);
      return url;
    }
    let resolved = path.win32.resolve(filepath);
    const last = filepath[filepath.length - 1];
    if ((last === '\\' || last === '/') && !resolved.endsWith('\\')) resolved += '\\';
    resolved = resolved.replaceAll('\\', '/');
    return new URL(`file://${resolved.startsWith('/') ? '' : '/'}${encodePathChars(resolved)}`);
  }
  let resolved = path.posix.resolve(filepath);
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  return new URL(`file://${encodePathChars(resolved)}`);
}

function fileURL(path) {
  if (typeof path === 'string') return new URL(path);
  if (!isURL(path)) throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new codes.ERR_INVALID_URL_SCHEME('file');
  return path;
}

function invalidPath(what, url) {
  const err = new codes.ERR_INVALID_FILE_URL_PATH(what);
  err.input = url;
  return err;
}

// The path a file: URL names, its escapes not yet decoded.
function encodedPath(url, windows) {
  let pathname = url.pathname;
  if (windows) {
    if (/%2f|%5c/i.test(pathname)) throw invalidPath('must not include encoded \\ or / characters', url);
    pathname = pathname.replaceAll('/', '\\');
    if (url.hostname !== '') return `\\\\${domainToUnicode(url.hostname)}${pathname}`;
    if (!/^\\[a-zA-Z]:\\?/.test(pathname) || (pathname.length > 3 && pathname[3] !== '\\')) {
      throw invalidPath('must be absolute', url);
    }
    return pathname.slice(1);
  }
  if (url.hostname !== '') throw new codes.ERR_INVALID_FILE_URL_HOST(process.platform);
  if (/%2f/i.test(pathname)) throw invalidPath('must not include encoded / characters', url);
  return pathname;
}

function fileURLToPath(path, options = undefined) {
  const url = fileURL(path);
  if (url.protocol !== 'file:') throw new codes.ERR_INVALID_URL_SCHEME('file');
  const encoded = encodedPath(url, options?.windows ?? false);
  if (!encoded.includes('%')) return encoded;
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new URIError('URI malformed');
  }
}

// The path's bytes as they are: escapes decoded without reading them as UTF-8.
function fileURLToPathBuffer(path, options = undefined) {
  const url = fileURL(path);
  if (url.protocol !== 'file:') throw new codes.ERR_INVALID_URL_SCHEME('file');
  const encoded = encodedPath(url, options?.windows ?? false);
  const { Buffer } = require('buffer');
  const bytes = [];
  const text = Buffer.from(encoded, 'utf8');
  for (let i = 0; i < text.length; i++) {
    const hex = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
    if (text[i] === 37 && i + 2 < text.length && hex(text[i + 1]) && hex(text[i + 2])) {
      bytes.push(parseInt(String.fromCharCode(text[i + 1], text[i + 2]), 16));
      i += 2;
    } else {
      bytes.push(text[i]);
    }
  }
  return Buffer.from(bytes);
}

// A path argument given as a file: URL, as a path; anything else as it is.
function toPathIfFileURL(value) {
  return isURL(value) ? fileURLToPath(value) : value;
}

function domainToASCII(domain) {
  if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('domain');
  return b.domainToASCII(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('domain');
  return b.domainToUnicode(`${domain}`);
}

function urlToHttpOptions(url) {
  const { validateObject } = require('internal/validators');
  validateObject(url, 'url', { allowArray: true, allowFunction: true });
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ?
      url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

// Whether the nearest caller outside the built-in modules lives under node_modules: Node does
// not tell packages' users of some deprecations the package authors have to act on.
function insideNodeModules() {
  const saved = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  let sites = [];
  try {
    Error.stackTraceLimit = 20;
    Error.prepareStackTrace = (_, s) => s;
    const holder = {};
    Error.captureStackTrace(holder, insideNodeModules);
    sites = holder.stack || [];
  } catch {
    sites = [];
  } finally {
    Error.prepareStackTrace = saved;
    Error.stackTraceLimit = limit;
  }
  for (const site of sites) {
    const file = typeof site?.getFileName === 'function' ? site.getFileName() : undefined;
    if (!file || file.startsWith('node:') || !/[/\\]/.test(file)) continue;
    return /[/\\]node_modules[/\\]/.test(file);
  }
  return false;
}

module.exports = {
  insideNodeModules,
  URL, URLSearchParams, fileURLToPath, fileURLToPathBuffer, pathToFileURL, toPathIfFileURL, isURL,
  domainToASCII, domainToUnicode, urlToHttpOptions, resolveObjectURL, toUSVString,
};
