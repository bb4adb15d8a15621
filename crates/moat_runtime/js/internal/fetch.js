'use strict';
// fetch() with its Headers, Request and Response (the WHATWG Fetch standard) for http: and https:
// URLs: HTTP/1.1 over node:net or node:tls (heads parsed by the `http_parser` binding), one
// connection per request,
// redirects followed as the standard says.
// Bodies are web ReadableStreams when asked for (`body`); a ReadableStream given as a body is read
// whole before a request is sent.
// Not here yet, and saying so: FormData bodies.

const { codes } = require('internal/errors');
const { URL, URLSearchParams } = require('internal/url');

const lazyBuffer = () => require('buffer').Buffer;

// ---- Headers -------------------------------------------------------------------------------

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const badValueRe = /[\0\r\n]/;
const kList = Symbol('list');
const kNames = Symbol('names');
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
const kGuard = Symbol('guard');

// A header value without HTTP whitespace (tab, LF, CR, space) at either end.
function normalizeValue(value) {
  const text = typeof value === 'string' ? value : `${value}`;
  // Most values start and end with a character above space, and need nothing done.
  if (text.length === 0 || (text.charCodeAt(0) > 0x20 && text.charCodeAt(text.length - 1) > 0x20)) return text;
  return text.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

// Header names seen valid, each with its lower-case form: most programs use a few names over
// and over, which are then neither checked nor lower-cased again.
const validNames = new Map();

function rememberName(name) {
  const key = name.toLowerCase();
  if (validNames.size < 256) validNames.set(name, key);
  return key;
}

function checkHeader(prefix, name, value) {
  if (!tokenRe.test(name)) throw new TypeError(`${prefix}: "${name}" is an invalid header name.`);
  if (badValueRe.test(value)) throw new TypeError(`${prefix}: "${value}" is an invalid header value.`);
}

class Headers {
  constructor(init = undefined) {
    // Lower-cased name -> its values, in the order they were added.
    this[kList] = new Map();
    // Lower-cased name -> the name as first given (util.inspect shows it), for names given
    // otherwise than in lower case; made when the first such name comes.
    this[kNames] = null;
    this[kGuard] = 'none';
    if (init === undefined || init === null) return;
    if (typeof init !== 'object' && typeof init !== 'function') {
      throw new TypeError('Headers constructor: Argument 1 could not be converted to one of: ' +
        'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
    }
    if (init instanceof Headers) {
      for (const [name, values] of init[kList]) this[kList].set(name, [...values]);
      if (init[kNames] !== null) this[kNames] = new Map(init[kNames]);
    } else if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        const entry = Array.isArray(pair) ? pair : [...pair];
        if (entry.length !== 2) {
          throw new TypeError(`Headers constructor: expected name/value pair to be length 2, found ${entry.length}.`);
        }
        this.append(entry[0], entry[1]);
      }
    } else {
      for (const key of Reflect.ownKeys(init)) {
        const desc = Reflect.getOwnPropertyDescriptor(init, key);
        if (desc !== undefined && desc.enumerable) this.append(key, init[key]);
      }
    }
  }

  append(name, value) {
    if (typeof name !== 'string') name = `${name}`;
    value = normalizeValue(value);
    let key = validNames.get(name);
    if (key === undefined) {
      checkHeader('Headers.append', name, value);
      key = rememberName(name);
    } else if (badValueRe.test(value)) {
      checkHeader('Headers.append', name, value);
    }
    checkMutable(this);
    addValue(this, key, name, value);
  }

  delete(name) {
    name = `${name}`;
    if (!tokenRe.test(name)) throw new TypeError(`Headers.delete: "${name}" is an invalid header name.`);
    checkMutable(this);
    this[kList].delete(name.toLowerCase());
    this[kNames]?.delete(name.toLowerCase());
  }

  get(name) {
    name = `${name}`;
    if (!tokenRe.test(name)) throw new TypeError(`Headers.get: "${name}" is an invalid header name.`);
    const values = this[kList].get(name.toLowerCase());
    return values === undefined ? null : values.join(', ');
  }

  getSetCookie() {
    return [...(this[kList].get('set-cookie') ?? [])];
  }

  has(name) {
    name = `${name}`;
    if (!tokenRe.test(name)) throw new TypeError(`Headers.has: "${name}" is an invalid header name.`);
    return this[kList].has(name.toLowerCase());
  }

  set(name, value) {
    name = `${name}`;
    value = normalizeValue(value);
    checkHeader('Headers.set', name, value);
    checkMutable(this);
    const key = name.toLowerCase();
    if (!this[kList].has(key) && name !== key) givenNames(this).set(key, name);
    this[kList].set(key, [value]);
  }

  forEach(callback, thisArg = undefined) {
    if (typeof callback !== 'function') {
      throw new TypeError("Headers.forEach: Argument 1 could not be converted to: Function.");
    }
    for (const [name, value] of this) Reflect.apply(callback, thisArg, [value, name, this]);
  }

  *entries() {
    // Sorted by name; each Set-Cookie value is its own entry.
    for (const name of [...this[kList].keys()].sort()) {
      const values = this[kList].get(name);
      if (name === 'set-cookie') for (const v of values) yield [name, v];
      else yield [name, values.join(', ')];
    }
  }

  *keys() { for (const [name] of this.entries()) yield name; }
  *values() { for (const [, value] of this.entries()) yield value; }
  [Symbol.iterator]() { return this.entries(); }
  get [Symbol.toStringTag]() { return 'Headers'; }

  [inspectCustom](depth, options, inspect) {
    const shown = {};
    for (const [key, values] of this[kList]) shown[this[kNames]?.get(key) ?? key] = values.join(', ');
    return `Headers ${inspect(shown, { ...options, depth: options.depth === null ? null : depth })}`;
  }
}

// Adds `value` to the header `key` (lower-case), given as `name`; names and values are known
// to be valid.
function addValue(headers, key, name, value) {
  const list = headers[kList];
  const values = list.get(key);
  if (values === undefined) {
    list.set(key, [value]);
    if (name !== key) givenNames(headers).set(key, name);
  } else {
    values.push(value);
  }
}

function givenNames(headers) {
  headers[kNames] ??= new Map();
  return headers[kNames];
}

// Adds a header the standard sets when it is not there yet: `name` is lower-case and it and
// `value` are known to be valid.
function addDefault(headers, name, value) {
  if (headers[kList].has(name)) return;
  headers[kList].set(name, [value]);
}

function checkMutable(headers) {
  if (headers[kGuard] === 'immutable') throw new TypeError('immutable');
}

// ---- bodies --------------------------------------------------------------------------------

const kBody = Symbol('body');

// A body: its bytes (or a promise of them, while they arrive), and whether it was read.
function extractBody(init) {
  if (init === undefined || init === null) return { body: null, type: null };
  if (typeof init === 'string') return { body: utf8(init), type: 'text/plain;charset=UTF-8' };
  if (init instanceof URLSearchParams) {
    return { body: utf8(init.toString()), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  if (init instanceof ArrayBuffer) return { body: new Uint8Array(init.slice(0)), type: null };
  if (ArrayBuffer.isView(init)) {
    return { body: new Uint8Array(init.buffer.slice(init.byteOffset, init.byteOffset + init.byteLength)), type: null };
  }
  const webstreams = require('internal/webstreams/readablestream');
  if (webstreams.isReadableStream(init)) {
    const s = webstreams.streamRecord(init);
    if (s.disturbed || webstreams.isLocked(s)) throw new TypeError('Response body object should not be disturbed or locked');
    return { body: null, type: null, stream: init };
  }
  const blobs = require('internal/blob');
  if (init instanceof blobs.Blob) {
    return { body: blobs.blobBytes(init).slice(), type: init.type === '' ? null : init.type };
  }
  return { body: utf8(`${init}`), type: 'text/plain;charset=UTF-8' };
}

let encoder = null;

// UTF-8 of a string, lone surrogates as U+FFFD.
function utf8(text) {
  encoder ??= new TextEncoder();
  return encoder.encode(text);
}

// A body's state: `used` per Request or Response; the `source` (the bytes, or a promise of them
// while they arrive) shared with clones; `stream`, the ReadableStream `body` gives (made on first
// use, or the one given as the body).
function bodyState(bytes, stream = undefined) {
  return { used: false, source: { bytes, present: bytes !== null || stream !== undefined, pending: null }, stream };
}

function streamDisturbed(stream) {
  const s = require('internal/webstreams/readablestream').streamRecord(stream);
  return s.disturbed;
}

function streamLocked(stream) {
  return stream.locked;
}

// The body's ReadableStream: a byte stream of the bytes, chunk by chunk as they arrive from the
// network (`source.received`), or all at once.
function bodyStream(state) {
  if (state.stream === undefined) {
    const { source } = state;
    const { ReadableStream } = require('internal/webstreams/readablestream');
    let next = 0;
    const close = (controller) => {
      controller.close();
      const request = controller.byobRequest;
      if (request !== null) request.respond(0);
    };
    const step = (controller) => {
      const received = source.received;
      if (received === undefined) {
        const bytes = source.bytes;
        if (bytes !== null && bytes.byteLength > 0) controller.enqueue(bytes.slice());
        close(controller);
        return undefined;
      }
      while (next < received.length) {
        const chunk = received[next++];
        if (chunk.byteLength > 0) {
          controller.enqueue(new Uint8Array(chunk));
          return undefined;
        }
      }
      if (source.error !== undefined) throw source.error;
      if (source.finished) {
        close(controller);
        return undefined;
      }
      return new Promise((resolve) => source.waiters.push(resolve)).then(() => step(controller));
    };
    state.stream = new ReadableStream({ type: 'bytes', pull: step });
  }
  return state.stream;
}

function wakeReaders(source) {
  const waiters = source.waiters;
  source.waiters = [];
  for (const wake of waiters) wake();
}

function readStreamWhole(stream) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  const step = () => reader.read().then(({ value, done }) => {
    if (done) {
      const all = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) {
        all.set(c, at);
        at += c.byteLength;
      }
      return all;
    }
    if (!(value instanceof Uint8Array)) {
      const err = new TypeError('Received non-Uint8Array chunk');
      reader.cancel(err).catch(() => {});
      throw err;
    }
    chunks.push(value);
    total += value.byteLength;
    return step();
  });
  return step();
}

function readBody(holder) {
  const state = holder[kBody];
  if (state.used || (state.stream !== undefined && (streamDisturbed(state.stream) || streamLocked(state.stream)))) {
    return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
  }
  state.used = true;
  if (state.stream !== undefined) return readStreamWhole(state.stream);
  const { source } = state;
  if (source.pending !== null) return source.pending.then(() => source.bytes ?? new Uint8Array(0));
  return Promise.resolve(source.bytes ?? new Uint8Array(0));
}

// A copy of a body for clone(): a stream is teed, one branch staying with the original.
function cloneBody(state) {
  if (state.stream === undefined) return { used: false, source: state.source, stream: undefined };
  const [mine, theirs] = state.stream.tee();
  state.stream = mine;
  return { used: false, source: state.source, stream: theirs };
}

// Methods shared by Request and Response.
const bodyMethods = {
  arrayBuffer() {
    return readBody(this).then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  },
  bytes() {
    return readBody(this).then((b) => new Uint8Array(b));
  },
  text() {
    return readBody(this).then((b) => new TextDecoder().decode(b));
  },
  json() {
    return readBody(this).then((b) => JSON.parse(new TextDecoder().decode(b)));
  },
  blob() {
    const type = this.headers.get('content-type') ?? '';
    return readBody(this).then((b) => new (require('internal/blob').Blob)([b], { type }));
  },
  formData() {
    return Promise.reject(new codes.ERR_NOT_IMPLEMENTED(`${this.constructor.name}.formData`));
  },
};

function defineBodyAccessors(proto) {
  for (const [name, fn] of Object.entries(bodyMethods)) {
    Object.defineProperty(proto, name, { value: fn, writable: true, enumerable: true, configurable: true });
  }
  Object.defineProperty(proto, 'bodyUsed', {
    get() {
      const state = this[kBody];
      return state.used || (state.stream !== undefined && streamDisturbed(state.stream));
    },
    enumerable: true,
    configurable: true,
  });
  Object.defineProperty(proto, 'body', {
    get() {
      const state = this[kBody];
      if (!state.source.present) return null;
      return bodyStream(state);
    },
    enumerable: true,
    configurable: true,
  });
}

// util.inspect of a Request or Response: its fields by name.
function describe(name, object, fields, depth, options, inspect) {
  const shown = {};
  for (const field of fields) {
    if (field in object) shown[field] = object[field];
  }
  return `${name} ${inspect(shown, { ...options, depth: options.depth === null ? null : depth })}`;
}

// ---- Request -------------------------------------------------------------------------------

const kState = Symbol('state');
const normalMethods = new Map(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'].map((m) => [m.toLowerCase(), m]));

// A method (a token) as a Request keeps it: the standard's methods upper-cased, the ones it
// forbids refused.
function normalMethod(method) {
  if (method === 'GET' || method === 'POST') return method;
  const upper = method.toUpperCase();
  if (upper === 'CONNECT' || upper === 'TRACE' || upper === 'TRACK') {
    throw new TypeError(`'${method}' HTTP method is unsupported.`);
  }
  return normalMethods.get(method.toLowerCase()) ?? method;
}

function parseURL(input) {
  try {
    return new URL(`${input}`);
  } catch (err) {
    throw new TypeError(`Failed to parse URL from ${input}`, { cause: err });
  }
}

class Request {
  constructor(input, init = {}) {
    if (init === null || (typeof init !== 'object' && typeof init !== 'function')) init = {};
    let base;
    if (input instanceof Request) base = input[kState];
    const url = base ? new URL(base.url.href) : parseURL(input);
    let method = base ? base.method : 'GET';
    if (init.method !== undefined) {
      method = `${init.method}`;
      if (!tokenRe.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
      method = normalMethod(method);
    }
    const redirect = init.redirect !== undefined ? `${init.redirect}` : (base ? base.redirect : 'follow');
    if (!['follow', 'error', 'manual'].includes(redirect)) {
      throw new TypeError(`Request constructor: ${redirect} is not an accepted type. Expected one of follow, manual, error.`);
    }
    const headers = new Headers(init.headers !== undefined ? init.headers : base?.headers);
    let body = base ? base.body : null;
    let stream;
    if (init.body !== undefined && init.body !== null) {
      if (method === 'GET' || method === 'HEAD') throw new TypeError('Request with GET/HEAD method cannot have body.');
      const extracted = extractBody(init.body);
      body = extracted.body;
      stream = extracted.stream;
      if (stream !== undefined && init.duplex === undefined) {
        throw new TypeError('RequestInit: duplex option is required when sending a body.');
      }
      if (extracted.type !== null) addDefault(headers, 'content-type', extracted.type);
    } else if (base && input[kBody].stream !== undefined) {
      stream = cloneBody(input[kBody]).stream;
    }
    const signal = init.signal !== undefined && init.signal !== null ? init.signal : (base ? base.signal : null);
    this[kState] = { url, method, headers, body, redirect, signal };
    this[kBody] = bodyState(body, stream);
  }

  get url() {
    const s = this[kState];
    return s.href ?? s.url.href;
  }

  get method() { return this[kState].method; }
  get headers() { return this[kState].headers; }
  get redirect() { return this[kState].redirect; }
  get signal() {
    const s = this[kState];
    if (s.signal === null) s.signal = new AbortController().signal;
    return s.signal;
  }
  get mode() { return 'cors'; }
  get credentials() { return 'same-origin'; }
  get cache() { return 'default'; }
  get destination() { return ''; }
  get referrer() { return 'about:client'; }
  get referrerPolicy() { return ''; }
  get integrity() { return ''; }
  get keepalive() { return false; }
  get isReloadNavigation() { return false; }
  get isHistoryNavigation() { return false; }
  get duplex() { return 'half'; }

  clone() {
    if (this.bodyUsed) throw new TypeError('Request.clone: Body has already been consumed.');
    return new Request(this);
  }

  get [Symbol.toStringTag]() { return 'Request'; }

  [inspectCustom](depth, options, inspect) {
    return describe('Request', this, ['method', 'url', 'headers', 'destination', 'referrer', 'referrerPolicy',
      'mode', 'credentials', 'cache', 'redirect', 'integrity', 'keepalive', 'isReloadNavigation',
      'isHistoryNavigation', 'signal'], depth, options, inspect);
  }
}
defineBodyAccessors(Request.prototype);

// ---- Response ------------------------------------------------------------------------------

const nullBodyStatus = new Set([101, 103, 204, 205, 304]);
const redirectStatus = new Set([301, 302, 303, 307, 308]);

class Response {
  constructor(body = null, init = {}) {
    if (init === null || (typeof init !== 'object' && typeof init !== 'function')) init = {};
    const status = init.status !== undefined ? Number(init.status) : 200;
    if (status !== 200 && (!Number.isInteger(status) || status < 200 || status > 599)) {
      throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
    }
    const headers = new Headers(init.headers);
    let bytes = null;
    let stream;
    if (body !== null && body !== undefined) {
      if (nullBodyStatus.has(status)) throw new TypeError(`Response constructor: Invalid response status code ${status}`);
      const extracted = extractBody(body);
      bytes = extracted.body;
      stream = extracted.stream;
      if (extracted.type !== null) addDefault(headers, 'content-type', extracted.type);
    }
    this[kState] = {
      type: 'default', status, statusText: init.statusText !== undefined ? `${init.statusText}` : '',
      headers, urlList: [],
    };
    this[kBody] = bodyState(bytes, stream);
  }

  static error() {
    const r = new Response(null, { status: 200 });
    Object.assign(r[kState], { type: 'error', status: 0 });
    r[kState].headers[kGuard] = 'immutable';
    return r;
  }

  static json(data, init = {}) {
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const r = new Response(text, init);
    if (!(init && init.headers && new Headers(init.headers).has('content-type'))) {
      r[kState].headers.set('content-type', 'application/json');
    }
    return r;
  }

  static redirect(url, status = 302) {
    const parsed = parseURL(url);
    if (!redirectStatus.has(status)) throw new RangeError(`Invalid status code ${status}`);
    const r = new Response(null, { status: 200 });
    r[kState].status = status;
    r[kState].headers.set('location', parsed.href);
    r[kState].headers[kGuard] = 'immutable';
    return r;
  }

  get type() { return this[kState].type; }
  get url() {
    const list = this[kState].urlList;
    if (list.length === 0) return '';
    const last = new URL(list[list.length - 1].href);
    last.hash = '';
    return last.href;
  }
  get redirected() { return this[kState].urlList.length > 1; }
  get status() { return this[kState].status; }
  get ok() { return this[kState].status >= 200 && this[kState].status <= 299; }
  get statusText() { return this[kState].statusText; }
  get headers() { return this[kState].headers; }

  clone() {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    const r = new Response(null, { status: 200 });
    const s = this[kState];
    r[kState] = { ...s, headers: new Headers(s.headers), urlList: [...s.urlList] };
    r[kState].headers[kGuard] = s.headers[kGuard];
    r[kBody] = cloneBody(this[kBody]);
    return r;
  }

  get [Symbol.toStringTag]() { return 'Response'; }

  [inspectCustom](depth, options, inspect) {
    return describe('Response', this, ['status', 'statusText', 'headers', 'body', 'bodyUsed', 'ok',
      'redirected', 'type', 'url'], depth, options, inspect);
  }
}
defineBodyAccessors(Response.prototype);

// ---- fetch ---------------------------------------------------------------------------------

// Ports the Fetch standard blocks (its "bad port" list).
const badPorts = new Set([1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95,
  101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512,
  513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723,
  2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);

function fetchFailed(cause) {
  return new TypeError('fetch failed', { cause });
}

function socketError(message) {
  const err = new Error(message);
  err.name = 'SocketError';
  err.code = 'UND_ERR_SOCKET';
  return err;
}

function fetch(input, init = undefined) {
  return new Promise((resolve, reject) => {
    const request = new Request(input, init);
    const s = request[kState];
    const signal = s.signal;
    if (signal !== null && signal.aborted) {
      reject(signal.reason);
      return;
    }
    const run = {
      method: s.method,
      headers: new Headers(s.headers),
      body: s.body,
      // A stream body goes out with chunked framing, as Node sends it.
      chunked: false,
      redirect: s.redirect,
      signal,
      urlList: [s.url],
      resolve,
      reject,
    };
    if (request[kBody].stream !== undefined) {
      readBody(request).then((bytes) => {
        run.body = bytes;
        run.chunked = true;
        send(run);
      }, (err) => reject(fetchFailed(err)));
      return;
    }
    send(run);
  });
}

function send(run) {
  const url = run.urlList[run.urlList.length - 1];
  const network = url.protocol === 'http:' || url.protocol === 'https:';
  const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (network && badPorts.has(port)) {
    run.reject(fetchFailed(new Error('bad port')));
    return;
  }
  if (!network) {
    const known = ['data:', 'blob:', 'file:', 'about:'].includes(url.protocol);
    run.reject(fetchFailed(known ? new codes.ERR_NOT_IMPLEMENTED(`fetch of ${url.protocol} URLs`) : new Error('unknown scheme')));
    return;
  }
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const secure = url.protocol === 'https:';
  let socket;
  try {
    if (secure) {
      const { isIP } = require('internal/net');
      socket = require('tls').connect({
        host, port, servername: isIP(host) ? undefined : host, ALPNProtocols: ['http/1.1'],
      });
    } else {
      socket = require('net').connect({ host, port });
    }
  } catch (err) {
    run.reject(fetchFailed(err));
    return;
  }
  const exchange = new Exchange(run, url, socket);
  socket.on(secure ? 'secureConnect' : 'connect', () => socket.write(requestBytes(run, url)));
  socket.on('data', (chunk) => exchange.receive(chunk));
  socket.on('end', () => exchange.finish());
  socket.on('error', (err) => exchange.fail(err));
  socket.on('close', () => exchange.finish());
  if (run.signal !== null) {
    const onAbort = () => exchange.abort(run.signal.reason);
    run.signal.addEventListener('abort', onAbort, { once: true });
    exchange.onDone = () => run.signal.removeEventListener('abort', onAbort);
  }
}

function requestBytes(run, url) {
  const lines = [`${run.method} ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`, 'connection: close'];
  const h = run.headers;
  const defaults = [['accept', '*/*'], ['accept-language', '*'], ['sec-fetch-mode', 'cors'], ['user-agent', 'node']];
  for (const [name, value] of defaults) if (!h.has(name)) lines.push(`${name}: ${value}`);
  for (const [name, value] of h) {
    if (name !== 'host' && name !== 'connection' && name !== 'content-length' && name !== 'transfer-encoding') {
      lines.push(`${name}: ${value}`);
    }
  }
  const body = run.body;
  const Buffer = lazyBuffer();
  if (run.chunked && body !== null) {
    lines.push('transfer-encoding: chunked');
    const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
    if (body.byteLength === 0) return Buffer.concat([head, Buffer.from('0\r\n\r\n', 'latin1')]);
    return Buffer.concat([head, Buffer.from(`${body.byteLength.toString(16)}\r\n`, 'latin1'), body,
      Buffer.from('\r\n0\r\n\r\n', 'latin1')]);
  }
  if (body !== null) lines.push(`content-length: ${body.byteLength}`);
  else if (run.method === 'POST' || run.method === 'PUT') lines.push('content-length: 0');
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return body === null ? head : Buffer.concat([head, body]);
}

// One request's response as it arrives: the status line and headers, then the body (by
// content-length, chunked, or to the end of the connection).
class Exchange {
  constructor(run, url, socket) {
    this.run = run;
    this.url = url;
    this.socket = socket;
    this.buffer = lazyBuffer().alloc(0);
    this.phase = 'head';
    this.response = null;
    this.chunks = [];
    this.remaining = -1;
    this.chunked = null;
    this.settleBody = null;
    this.onDone = null;
  }

  receive(chunk) {
    if (this.phase === 'done') return;
    this.buffer = this.buffer.length === 0 ? chunk : lazyBuffer().concat([this.buffer, chunk]);
    if (this.phase === 'head') this.parseHead();
    if (this.phase === 'body') this.parseBody();
  }

  parseHead() {
    for (;;) {
      let head;
      try {
        head = internalBinding('http_parser').parseResponse(this.buffer);
      } catch (err) {
        this.fail(socketError(err.message));
        return;
      }
      if (head === undefined) return;
      this.buffer = this.buffer.subarray(head[0]);
      const status = head[1];
      // An interim response (100 Continue, 103 Early Hints) precedes the real one.
      if (status >= 100 && status < 200) continue;
      const headers = new Headers();
      for (let i = 4; i < head.length; i += 2) headers.append(head[i], head[i + 1]);
      this.begin(status, head[2], headers);
      return;
    }
  }

  begin(status, statusText, headers) {
    const run = this.run;
    const location = headers.get('location');
    if (redirectStatus.has(status) && location !== null && run.redirect !== 'manual') {
      this.phase = 'done';
      this.socket.destroy();
      this.done();
      if (run.redirect === 'error') {
        run.reject(fetchFailed(new Error('unexpected redirect')));
        return;
      }
      if (run.urlList.length > 20) {
        run.reject(fetchFailed(new Error('redirect count exceeded')));
        return;
      }
      let next;
      try {
        next = new URL(location, this.url);
      } catch (err) {
        run.reject(fetchFailed(err));
        return;
      }
      if (((status === 301 || status === 302) && run.method === 'POST') ||
          (status === 303 && run.method !== 'GET' && run.method !== 'HEAD')) {
        run.method = 'GET';
        run.body = null;
        run.chunked = false;
        for (const name of ['content-encoding', 'content-language', 'content-location', 'content-type', 'content-length']) {
          run.headers.delete(name);
        }
      }
      run.urlList.push(next);
      send(run);
      return;
    }
    headers[kGuard] = 'immutable';
    const response = new Response(null, { status: 200 });
    Object.assign(response[kState], { type: 'basic', status, statusText, headers, urlList: run.urlList });
    const hasBody = run.method !== 'HEAD' && !nullBodyStatus.has(status);
    const bytes = new Promise((resolve, reject) => { this.settleBody = { resolve, reject }; });
    bytes.catch(() => {});
    response[kBody] = {
      used: false,
      source: {
        bytes: null, present: hasBody, pending: bytes, received: this.chunks, finished: false, error: undefined,
        waiters: [],
      },
      stream: undefined,
    };
    this.response = response;
    const te = headers.get('transfer-encoding');
    if (!hasBody) {
      this.complete();
    } else if (te !== null && /(^|,)\s*chunked\s*$/i.test(te)) {
      this.chunked = { size: -1 };
      this.phase = 'body';
    } else {
      const length = headers.get('content-length');
      this.remaining = length === null ? -1 : Number(length);
      this.phase = 'body';
      if (this.remaining === 0) this.complete();
    }
    run.resolve(response);
  }

  parseBody() {
    if (this.chunked === null) {
      if (this.buffer.length === 0) return;
      let take = this.buffer;
      if (this.remaining >= 0) {
        take = this.buffer.subarray(0, this.remaining);
        this.remaining -= take.length;
      }
      this.chunks.push(take);
      wakeReaders(this.response[kBody].source);
      this.buffer = this.buffer.subarray(take.length);
      if (this.remaining === 0) this.complete();
      return;
    }
    for (;;) {
      if (this.chunked.size === -1) {
        let line;
        try {
          line = internalBinding('http_parser').parseChunkSize(this.buffer);
        } catch {
          this.fail(socketError('invalid chunk size'));
          return;
        }
        if (line === undefined) return;
        const [length, size] = line;
        this.buffer = this.buffer.subarray(length);
        if (size === 0) {
          this.complete();
          return;
        }
        this.chunked.size = size;
      }
      if (this.buffer.length < this.chunked.size + 2) return;
      if (this.buffer[this.chunked.size] !== 13 || this.buffer[this.chunked.size + 1] !== 10) {
        this.fail(socketError('invalid chunk'));
        return;
      }
      this.chunks.push(this.buffer.subarray(0, this.chunked.size));
      wakeReaders(this.response[kBody].source);
      this.buffer = this.buffer.subarray(this.chunked.size + 2);
      this.chunked.size = -1;
    }
  }

  complete() {
    if (this.phase === 'done') return;
    this.phase = 'done';
    const all = lazyBuffer().concat(this.chunks);
    const source = this.response[kBody].source;
    source.bytes = new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
    source.finished = true;
    wakeReaders(source);
    this.settleBody.resolve();
    this.socket.destroy();
    this.done();
  }

  // The connection ended: the body is complete if it was read to the end, otherwise cut short.
  finish() {
    if (this.phase === 'body' && this.remaining === -1 && this.chunked === null) {
      this.complete();
      return;
    }
    this.fail(socketError('other side closed'));
  }

  // A network error: before the head, fetch fails; after it, reading the body does.
  fail(err) {
    this.end((head) => (head ? fetchFailed(err) : new TypeError('terminated', { cause: err })));
  }

  // An abort rejects with the signal's reason, whichever was still to come.
  abort(reason) {
    this.end(() => reason);
  }

  end(errorFor) {
    if (this.phase === 'done') return;
    const head = this.phase === 'head';
    this.phase = 'done';
    this.socket.destroy();
    this.done();
    if (head) this.run.reject(errorFor(true));
    else {
      const error = errorFor(false);
      const source = this.response[kBody].source;
      source.error = error;
      wakeReaders(source);
      this.settleBody.reject(error);
    }
  }

  done() {
    if (this.onDone !== null) this.onDone();
    this.onDone = null;
  }
}

// `moat serve`: a response's body as it goes out, `{ bytes }` when it is whole now (null for
// none), else `{ stream }`; either way the body is used from then on.
function takeBody(response) {
  const state = response[kBody];
  const { source } = state;
  if (state.stream === undefined && source.received === undefined && source.pending === null) {
    if (state.used) throw new TypeError('Body is unusable: Body has already been read');
    state.used = true;
    return { bytes: source.bytes };
  }
  const stream = response.body;
  if (stream === null || response.bodyUsed || stream.locked) {
    throw new TypeError('Body is unusable: Body has already been read');
  }
  return { stream };
}

// The state of a request `moat serve` hands over, whose URL and Headers are made only when
// asked for (a handler that reads neither costs neither). The host gives the URL as the URL
// parser serialises it, header names lower-cased and checked, and values without CR, LF or NUL
// and without space at either end, so none of it is checked again.
class ServedState {
  constructor(href, method, pairs, body) {
    this.href = href;
    this.method = method;
    this.body = body;
    this.redirect = 'follow';
    this.signal = null;
    this.parsed = null;
    this.pairs = pairs;
    this.made = null;
  }

  get url() {
    this.parsed ??= new URL(this.href);
    return this.parsed;
  }

  get headers() {
    if (this.made === null) {
      const headers = new Headers();
      const pairs = this.pairs;
      for (let i = 0; i < pairs.length; i++) addValue(headers, pairs[i][0], pairs[i][0], pairs[i][1]);
      this.made = headers;
      this.pairs = null;
    }
    return this.made;
  }
}

// `moat serve`'s request (see ServedState): `body` is null, bytes, or a ReadableStream.
function trustedRequest(href, method, pairs, body) {
  const streams = body !== null && !(body instanceof Uint8Array);
  const request = Object.create(Request.prototype);
  request[kState] = new ServedState(href, normalMethod(method), pairs, streams ? null : body);
  request[kBody] = bodyState(streams ? null : body, streams ? body : undefined);
  return request;
}

// A Headers' entries as [name, value] pairs, in the order iterating it gives.
function headerPairs(headers) {
  const list = headers[kList];
  if (list.size === 1) {
    for (const [name, values] of list) {
      if (values.length === 1) return [[name, values[0]]];
    }
  }
  const names = [...list.keys()];
  if (names.length > 1) names.sort();
  const out = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const values = list.get(name);
    if (name === 'set-cookie') {
      for (let j = 0; j < values.length; j++) out.push([name, values[j]]);
    } else {
      out.push([name, values.length === 1 ? values[0] : values.join(', ')]);
    }
  }
  return out;
}

module.exports = { fetch, Headers, Request, Response, takeBody, trustedRequest, headerPairs };
