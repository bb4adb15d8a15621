'use strict';
// `moat serve`: each request gets an instance of its own, which loads the app and hands the
// request to the app's handler, WinterTC style: the entry's default export's `fetch(request,
// env, ctx)`, or listeners added with `addEventListener('fetch', (event) => ...)` calling
// `event.respondWith(response)`. A body the host has whole comes with the request and goes
// back whole; a longer one streams, in and out (a Response whose body is a stream streams);
// `ctx.waitUntil()` promises keep the instance alive after it until they settle.
//
// Node-style apps work too: an `http.Server` the app asks to listen is not given a socket of
// its own; the request reaches it as a connection whose bytes are the request's, and what the
// server writes back goes to the host as the raw HTTP response.
//
// Under `--isolation=pool` an instance serves request after request with the same app.

const binding = internalBinding('serve');
const loader = internalBinding('loader');
const web = require('internal/fetch');
const { codes: { ERR_NOT_IMPLEMENTED, ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const fetchListeners = [];
// The `http.Server` the app asked to listen, in a Node-style app.
let nodeServer = null;

// `listen()` of an http.Server records it as the app's server: the host listens for it (its
// address is the host's, `--serve-address`).
function hookListen() {
  const net = require('net');
  const http = require('http');
  const { flagValues } = require('internal/options');
  const [host = '127.0.0.1', port = '0'] = (flagValues('--serve-address')[0] ?? '').split(/:(?=\d+$)/);
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (...args) {
    if (!(this instanceof http.Server) || nodeServer !== null) return listen.apply(this, args);
    nodeServer = this;
    const cb = args.find((a) => typeof a === 'function');
    if (cb) this.once('listening', cb);
    const address = { address: host, family: host.includes(':') ? 'IPv6' : 'IPv4', port: Number(port) };
    Object.defineProperty(this, 'address', { configurable: true, writable: true, value: () => address });
    Object.defineProperty(this, 'listening', { configurable: true, get: () => nodeServer === this });
    process.nextTick(() => this.emit('listening'));
    return this;
  };
}

// A global `addEventListener` for 'fetch' events, as service-worker-style handlers use it.
function installGlobals() {
  Object.defineProperty(globalThis, 'addEventListener', {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function addEventListener(type, listener) {
      if (`${type}` !== 'fetch') throw new ERR_NOT_IMPLEMENTED(`addEventListener('${type}')`);
      if (typeof listener !== 'function') throw new ERR_INVALID_ARG_TYPE('listener', 'Function', listener);
      fetchListeners.push(listener);
    },
  });
}

class FetchEvent extends Event {
  #respond;
  #waits;
  constructor(request, respond, waits) {
    super('fetch');
    this.request = request;
    this.#respond = respond;
    this.#waits = waits;
  }

  respondWith(response) {
    this.#respond(response);
  }

  waitUntil(promise) {
    this.#waits.push(Promise.resolve(promise));
  }
}

// The app's handler: `(request, ctx) => Promise<Response>`, or null when it has none.
function handlerOf(ns, waits) {
  const app = ns && ns.default;
  if (app && typeof app.fetch === 'function') {
    return (request, ctx) => app.fetch(request, {}, ctx);
  }
  if (fetchListeners.length > 0) {
    return (request) => new Promise((resolve, reject) => {
      let answered = false;
      const event = new FetchEvent(request, (r) => {
        if (answered) throw new DOMException('respondWith() was already called', 'InvalidStateError');
        answered = true;
        Promise.resolve(r).then(resolve, reject);
      }, waits);
      for (const listener of fetchListeners) listener.call(globalThis, event);
      if (!answered) reject(new TypeError('No fetch listener called event.respondWith()'));
    });
  }
  return null;
}

// The connection a Node-style server reads one request from: the request's head and body, then
// what the server writes. A response written in one go (within one turn of the event loop)
// goes to the host whole; one that takes longer streams, each turn's writes sent together.
function serveNode(server, head, body) {
  const mine = serial;
  const { Duplex } = require('stream');
  const { Buffer } = require('buffer');
  const url = new URL(head.url);
  const streams = head.more === true;
  let text = `${head.method} ${url.pathname}${url.search} HTTP/1.1\r\n`;
  let length = false;
  for (const [name, value] of head.headers) {
    const lower = name.toLowerCase();
    if (lower === 'connection' || lower === 'transfer-encoding') continue;
    // A whole body's length replaces the client's framing; a streamed one keeps its length.
    if (lower === 'content-length') {
      if (!streams) continue;
      length = true;
    }
    text += `${name}: ${value}\r\n`;
  }
  // The host has taken a chunked body apart: it is framed again for the server's parser.
  const chunked = streams && !length;
  if (chunked) text += 'transfer-encoding: chunked\r\n';
  else if (!streams && body.length > 0) text += `content-length: ${body.length}\r\n`;
  text += 'connection: close\r\n\r\n';
  return new Promise((resolve) => {
    let pending = [];
    let streaming = false;
    let flushQueued = false;
    let finished = false;
    let bodyDone = !streams;
    // A client gone while the response streams is, to the server, a connection closed under it.
    const gone = (err) => {
      if (err?.code !== 'EPIPE') throw err;
      finished = true;
      resolve();
      socket.destroy();
    };
    const flush = () => {
      flushQueued = false;
      if (finished) return;
      const out = Buffer.concat(pending);
      pending = [];
      try {
        if (!streaming) {
          streaming = true;
          binding.respond(JSON.stringify({ raw: true, more: true }), out);
        } else if (out.length > 0) {
          binding.write(out);
        }
      } catch (err) {
        gone(err);
      }
    };
    const finish = () => {
      if (finished) return;
      finished = true;
      const out = Buffer.concat(pending);
      pending = [];
      try {
        if (!streaming) binding.respond(JSON.stringify({ raw: true }), out);
        else {
          if (out.length > 0) binding.write(out);
          binding.end();
        }
      } catch (err) {
        gone(err);
      }
      resolve();
    };
    const socket = new Duplex({
      read() {
        if (bodyDone) return;
        let chunk;
        try {
          chunk = readBodyOf(mine);
        } catch (err) {
          bodyDone = true;
          this.destroy(err);
          return;
        }
        if (chunk === null) {
          bodyDone = true;
          if (chunked) this.push('0\r\n\r\n');
        } else if (chunked) {
          this.push(`${chunk.length.toString(16)}\r\n`);
          this.push(chunk);
          this.push('\r\n');
        } else {
          this.push(chunk);
        }
      },
      write(chunk, encoding, cb) {
        pending.push(Buffer.from(chunk, encoding));
        if (!flushQueued && !finished) {
          flushQueued = true;
          setImmediate(flush);
        }
        cb();
      },
      final(cb) {
        cb();
        finish();
      },
    });
    socket.remoteAddress = '127.0.0.1';
    socket.remoteFamily = 'IPv4';
    socket.remotePort = 0;
    socket.setTimeout = function () { return this; };
    socket.setNoDelay = function () { return this; };
    socket.setKeepAlive = function () { return this; };
    socket.destroySoon = function () { this.end(); };
    socket.once('close', finish);
    socket.push(streams ? Buffer.from(text, 'latin1') : Buffer.concat([Buffer.from(text, 'latin1'), body]));
    server.emit('connection', socket);
  });
}

const empty = new Uint8Array(0);

function respond(status, headers, body, more = false) {
  binding.respond(JSON.stringify(more ? { status, headers, more } : { status, headers }), body);
}

function failed(err) {
  require('internal/main/report').printFatal(err);
  const text = new TextEncoder().encode('Internal Server Error');
  respond(500, [['content-type', 'text/plain; charset=utf-8']], text);
}

// Which request this instance serves: a warm instance serves one after another, and a body
// stream kept from an earlier one must not read a later one's body.
let serial = 0;

// The next part of request `which`'s body, or null at its end.
function readBodyOf(which) {
  if (which !== serial) throw new Error('The request this body belongs to has ended');
  return binding.readBody();
}

// A request body that streams from the host, read as the handler reads it.
function requestBodyStream() {
  const { ReadableStream } = require('internal/webstreams/readablestream');
  const mine = serial;
  return new ReadableStream({
    type: 'bytes',
    pull(controller) {
      const chunk = readBodyOf(mine);
      if (chunk !== null) {
        controller.enqueue(chunk);
        return;
      }
      controller.close();
      const request = controller.byobRequest;
      if (request !== null) request.respond(0);
    },
  });
}

// A response whose body is a stream: the head goes at once, then each chunk as it comes.
async function respondStreaming(status, headers, stream) {
  const reader = stream.getReader();
  respond(status, headers, empty, true);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) {
      const err = new TypeError('Received non-Uint8Array chunk');
      reader.cancel(err).catch(() => {});
      throw err;
    }
    if (value.byteLength === 0) continue;
    try {
      binding.write(value);
    } catch (err) {
      // The client is gone: the rest of the body has nowhere to go.
      if (err.code !== 'EPIPE') throw err;
      reader.cancel(err).catch(() => {});
      return;
    }
  }
  binding.end();
}

// The app's namespace, once `init` loaded it.
let app = null;

// Loads the app at `entry` (in the instance the host then snapshots).
function init(entry) {
  installGlobals();
  hookListen();
  // Made now, so that the snapshot holds them: what handlers often reach for but a run makes
  // only on first use. Made in a request, each would cost every fresh instance its making
  // again (`process` some 350 µs, `performance` 1 ms, web crypto 350 µs).
  require('internal/process/current').get();
  for (const name of ['performance', 'crypto', 'AbortController', 'Buffer']) void globalThis[name];
  require('internal/structured_clone');
  return loader.importModule(entry, entry).then(async (ns) => {
    app = ns;
    // What every request uses, loaded before the snapshot: web requests and responses, their
    // bodies, JSON headers.
    const request = web.trustedRequest('http://localhost/', 'POST', [['accept', '*/*']], new Uint8Array(2));
    const warm = new Response(request.body, { headers: { 'content-type': 'text/plain' } });
    await warm.arrayBuffer();
    JSON.stringify(web.headerPairs(web.takeBody(new Response('')) && warm.headers));
  });
}

// Serves this instance's request with the app `init` loaded.
async function handle() {
  serial++;
  const req = binding.request();
  if (req === null) throw new Error('moat serve: this instance has no request to serve');
  const head = JSON.parse(req.head);
  const waits = [];
  const handler = handlerOf(app, waits);
  if (handler === null && nodeServer !== null) {
    await serveNode(nodeServer, head, req.body);
    return;
  }
  if (handler === null) {
    throw new TypeError('The app has no fetch handler: export default { fetch(request) { ... } }, ' +
      "call addEventListener('fetch', (event) => event.respondWith(...)), or listen() with an http.Server");
  }
  let requestBody = null;
  if (head.method !== 'GET' && head.method !== 'HEAD') {
    if (head.more === true) requestBody = requestBodyStream();
    else if (req.body.length > 0) requestBody = req.body;
  }
  const ctx = {
    waitUntil(promise) { waits.push(Promise.resolve(promise)); },
    passThroughOnException() {},
  };
  let response;
  let body;
  try {
    response = await handler(web.trustedRequest(head.url, head.method, head.headers, requestBody), ctx);
    if (!(response instanceof Response)) {
      throw new TypeError(`The fetch handler answered ${response === null ? 'null' : typeof response}, not a Response`);
    }
    body = web.takeBody(response);
  } catch (err) {
    failed(err);
    return;
  }
  const headers = web.headerPairs(response.headers);
  if (body.stream === undefined) respond(response.status, headers, body.bytes ?? empty);
  else await respondStreaming(response.status, headers, body.stream);
  if (waits.length > 0) await Promise.allSettled(waits);
}

// Whether the app has given its handler: one `handle` would call, or a server that listens.
function hasHandler() {
  return nodeServer !== null || handlerOf(app, []) !== null;
}

module.exports = { init, handle, hasHandler };
