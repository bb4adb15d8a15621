'use strict';
// `moat serve`: each request gets an instance of its own, which loads the app and hands the
// request to the app's handler, WinterTC style: the entry's default export's `fetch(request,
// env, ctx)`, or listeners added with `addEventListener('fetch', (event) => ...)` calling
// `event.respondWith(response)`. The response goes back to the host whole; `ctx.waitUntil()`
// promises keep the instance alive after it until they settle.

const binding = internalBinding('serve');
const loader = internalBinding('loader');
const { codes: { ERR_NOT_IMPLEMENTED, ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const fetchListeners = [];

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

function respond(status, headers, body) {
  binding.respond(JSON.stringify({ status, headers }), body);
}

function failed(err) {
  require('internal/main/report').printFatal(err);
  const text = new TextEncoder().encode('Internal Server Error');
  respond(500, [['content-type', 'text/plain; charset=utf-8']], text);
}

// Loads the app at `entry` and serves this instance's request with it.
function run(entry) {
  installGlobals();
  const waits = [];
  return loader.importModule(entry, entry).then(async (ns) => {
    const req = binding.request();
    if (req === null) throw new Error('moat serve: this instance has no request to serve');
    const handler = handlerOf(ns, waits);
    if (handler === null) {
      throw new TypeError('The app has no fetch handler: export default { fetch(request) { ... } }, ' +
        "or call addEventListener('fetch', (event) => event.respondWith(...))");
    }
    const head = JSON.parse(req.head);
    const init = { method: head.method, headers: head.headers };
    if (req.body.length > 0 && head.method !== 'GET' && head.method !== 'HEAD') init.body = req.body;
    const ctx = {
      waitUntil(promise) { waits.push(Promise.resolve(promise)); },
      passThroughOnException() {},
    };
    let response;
    try {
      response = await handler(new Request(head.url, init), ctx);
      if (!(response instanceof Response)) {
        throw new TypeError(`The fetch handler answered ${response === null ? 'null' : typeof response}, not a Response`);
      }
    } catch (err) {
      failed(err);
      return;
    }
    let body;
    try {
      body = new Uint8Array(await response.arrayBuffer());
    } catch (err) {
      failed(err);
      return;
    }
    respond(response.status, [...response.headers], body);
    await Promise.allSettled(waits);
  });
}

module.exports = { run };
