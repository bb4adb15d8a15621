'use strict';
// node:async_hooks: AsyncLocalStorage, AsyncResource, createHook and the async ids. The context
// itself is kept by internal/async_hooks.

const ctx = require('internal/async_hooks');
const { kAsyncId, kTriggerId, newAsyncId } = require('internal/loop');
const { codes: { ERR_ASYNC_CALLBACK, ERR_ASYNC_TYPE, ERR_INVALID_ASYNC_ID } } = require('internal/errors');
const { validateFunction, validateObject, validateString } = require('internal/validators');

ctx.enableContext();
const { kFrame } = ctx;

// ---- AsyncLocalStorage --------------------------------------------------------------------

class AsyncLocalStorage {
  #defaultValue;
  #name;

  constructor(options = {}) {
    validateObject(options, 'options');
    this.#defaultValue = options.defaultValue;
    this.#name = options.name === undefined ? '' : `${options.name}`;
  }

  get name() { return this.#name; }

  static bind(fn) {
    validateFunction(fn, 'fn');
    const snapshot = AsyncLocalStorage.snapshot();
    return function bound(...args) {
      return Reflect.apply(snapshot, this, [fn, ...args]);
    };
  }

  static snapshot() {
    const captured = ctx.getFrame();
    return function runInAsyncScope(fn, ...args) {
      const prev = ctx.getFrame();
      ctx.setFrame(captured);
      try {
        return Reflect.apply(fn, this, args);
      } finally {
        ctx.setFrame(prev);
      }
    };
  }

  // Forgets this storage's store in the current frame, for every context that shares it.
  disable() {
    const f = ctx.getFrame();
    if (f !== undefined) f.delete(this);
  }

  getStore() {
    const f = ctx.getFrame();
    if (f === undefined || !f.has(this)) return this.#defaultValue;
    return f.get(this);
  }

  enterWith(store) {
    const next = new Map(ctx.getFrame());
    next.set(this, store);
    ctx.setFrame(next);
  }

  // Only this storage's store is put back afterwards: another storage's enterWith() inside the
  // callback stays, as in Node.
  run(store, callback, ...args) {
    const prior = this.getStore();
    if (Object.is(prior, store)) return Reflect.apply(callback, null, args);
    this.enterWith(store);
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      this.enterWith(prior);
    }
  }

  exit(callback, ...args) {
    return this.run(undefined, callback, ...args);
  }
}

// ---- AsyncResource ------------------------------------------------------------------------

let warnedAsyncResource = false;
function asyncResourceGetter(resource) {
  return {
    get() {
      if (!warnedAsyncResource) {
        warnedAsyncResource = true;
        process.emitWarning('The asyncResource property on bound functions is deprecated',
          'DeprecationWarning', 'DEP0172');
      }
      return resource;
    },
    configurable: true,
    enumerable: true,
  };
}

class AsyncResource {
  constructor(type, opts = {}) {
    validateString(type, 'type');
    let trigger = opts;
    let requireManualDestroy = false;
    if (typeof opts !== 'number') {
      trigger = opts.triggerAsyncId === undefined ? ctx.executionAsyncId() : opts.triggerAsyncId;
      requireManualDestroy = !!opts.requireManualDestroy;
    }
    if (!Number.isSafeInteger(trigger) || trigger < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', trigger);
    }
    const id = newAsyncId();
    this[kAsyncId] = id;
    this[kTriggerId] = trigger;
    this[kFrame] = ctx.getFrame();
    if (ctx.counts.init > 0) {
      if (type.length === 0) throw new ERR_ASYNC_TYPE(type);
      ctx.emitInit(id, type, trigger, this);
    }
    if (!requireManualDestroy && ctx.counts.destroy > 0) {
      destroyRegistry ??= new FinalizationRegistry(ctx.destroyId);
      // The token is an object of its own: the registry must not keep the resource alive.
      this[kDestroyToken] = {};
      destroyRegistry.register(this, id, this[kDestroyToken]);
    }
  }

  runInAsyncScope(fn, thisArg, ...args) {
    // Inline rather than through a helper: deep recursion through scopes stays within the stack.
    ctx.enter(this);
    try {
      return thisArg === undefined ? fn(...args) : Reflect.apply(fn, thisArg, args);
    } finally {
      ctx.exitScope(this);
    }
  }

  emitDestroy() {
    if (this[kDestroyToken] !== undefined) destroyRegistry.unregister(this[kDestroyToken]);
    ctx.destroy(this);
    return this;
  }

  asyncId() { return this[kAsyncId]; }

  triggerAsyncId() { return this[kTriggerId]; }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    let bound;
    if (thisArg === undefined) {
      const resource = this;
      bound = function bound(...args) {
        return resource.runInAsyncScope(fn, this, ...args);
      };
    } else {
      bound = this.runInAsyncScope.bind(this, fn, thisArg);
    }
    Object.defineProperties(bound, {
      length: { value: fn.length, configurable: true, enumerable: false, writable: false },
      asyncResource: asyncResourceGetter(this),
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return new AsyncResource(type).bind(fn, thisArg);
  }
}
let destroyRegistry;
const kDestroyToken = Symbol('destroyToken');

// ---- createHook ---------------------------------------------------------------------------

class AsyncHook {
  constructor({ init, before, after, destroy, promiseResolve }) {
    if (init !== undefined && typeof init !== 'function') throw new ERR_ASYNC_CALLBACK('hook.init');
    if (before !== undefined && typeof before !== 'function') throw new ERR_ASYNC_CALLBACK('hook.before');
    if (after !== undefined && typeof after !== 'function') throw new ERR_ASYNC_CALLBACK('hook.after');
    if (destroy !== undefined && typeof destroy !== 'function') throw new ERR_ASYNC_CALLBACK('hook.destroy');
    if (promiseResolve !== undefined && typeof promiseResolve !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.promiseResolve');
    }
    this.init = init;
    this.before = before;
    this.after = after;
    this.destroy = destroy;
    this.promiseResolve = promiseResolve;
  }

  enable() {
    ctx.hookEnabled(this);
    return this;
  }

  disable() {
    ctx.hookDisabled(this);
    return this;
  }
}

function createHook(fns) {
  return new AsyncHook(fns);
}

// ---- providers ----------------------------------------------------------------------------

const providerNames = [
  'NONE', 'DIRHANDLE', 'DNSCHANNEL', 'ELDHISTOGRAM', 'FILEHANDLE', 'FILEHANDLECLOSEREQ', 'BLOBREADER',
  'FSEVENTWRAP', 'FSREQCALLBACK', 'FSREQPROMISE', 'GETADDRINFOREQWRAP', 'GETNAMEINFOREQWRAP', 'HEAPSNAPSHOT',
  'HTTP2SESSION', 'HTTP2STREAM', 'HTTP2PING', 'HTTP2SETTINGS', 'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST',
  'LOCKS', 'JSSTREAM', 'JSUDPWRAP', 'MESSAGEPORT', 'PIPECONNECTWRAP', 'PIPESERVERWRAP', 'PIPEWRAP',
  'PROCESSWRAP', 'PROMISE', 'QUERYWRAP', 'QUIC_ENDPOINT', 'QUIC_LOGSTREAM', 'QUIC_SESSION', 'QUIC_STREAM',
  'QUIC_UDP', 'SHUTDOWNWRAP', 'SIGNALWRAP', 'STATWATCHER', 'STREAMPIPE', 'TCPCONNECTWRAP', 'TCPSERVERWRAP',
  'TCPWRAP', 'TTYWRAP', 'UDPSENDWRAP', 'UDPWRAP', 'SIGINTWATCHDOG', 'WORKER', 'WORKERCPUPROFILE',
  'WORKERCPUUSAGE', 'WORKERHEAPPROFILE', 'WORKERHEAPSNAPSHOT', 'WORKERHEAPSTATISTICS', 'WRITEWRAP', 'ZLIB',
  'CHECKPRIMEREQUEST', 'PBKDF2REQUEST', 'KEYPAIRGENREQUEST', 'KEYGENREQUEST', 'KEYEXPORTREQUEST',
  'ARGON2REQUEST', 'CIPHERREQUEST', 'DERIVEBITSREQUEST', 'HASHREQUEST', 'RANDOMBYTESREQUEST',
  'RANDOMPRIMEREQUEST', 'SCRYPTREQUEST', 'SIGNREQUEST', 'TLSWRAP', 'VERIFYREQUEST',
];
const asyncWrapProviders = Object.create(null);
providerNames.forEach((name, i) => { asyncWrapProviders[name] = i; });
Object.freeze(asyncWrapProviders);

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId: ctx.executionAsyncId,
  triggerAsyncId: ctx.triggerAsyncId,
  executionAsyncResource: ctx.executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};
