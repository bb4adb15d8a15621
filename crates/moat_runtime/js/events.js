'use strict';
// node:events — EventEmitter and its static helpers (once, on, getEventListeners, …).
// Loaded at every start: anything heavier than errors and validators (util.inspect,
// event_target, async_hooks) is required where it is first needed.

const { codes } = require('internal/errors');
const {
  validateBoolean, validateFunction, validateNumber, validateObject, validateInteger, validateAbortSignal,
} = require('internal/validators');

const kCapture = Symbol('kCapture');
const kErrorMonitor = Symbol('events.errorMonitor');
const kShapeMode = Symbol('shapeMode');
const kRejection = Symbol.for('nodejs.rejection');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
const kWatermarkData = Symbol.for('nodejs.watermarkData');
let defaultMaxListeners = 10;

const inspect = (v, opts) => require('internal/util/inspect').inspect(v, opts);
const eventTargets = () => require('internal/event_target');
function abortError(signal) {
  const { AbortError } = require('internal/errors');
  return new AbortError(undefined, { cause: signal === undefined ? undefined : signal.reason });
}
function isEventTarget(v) {
  return v !== null && typeof v === 'object' && typeof v.addEventListener === 'function' &&
    eventTargets().isEventTarget(v);
}

function EventEmitter(opts) {
  Reflect.apply(EventEmitter.init, this, [opts]);
}
EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;
Object.defineProperty(EventEmitter.prototype, kCapture, { value: false, writable: true, enumerable: false, configurable: true });

function checkMaxListeners(n, name) {
  if (typeof n !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', n);
  if (n < 0 || Number.isNaN(n)) throw new codes.ERR_OUT_OF_RANGE(name, '>= 0', n);
}

function init(opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts != null && opts.captureRejections) {
    validateBoolean(opts.captureRejections, 'options.captureRejections');
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  checkMaxListeners(n, 'setMaxListeners');
  this._maxListeners = n;
  return this;
};

function maxListenersOf(that) {
  if (that._maxListeners === undefined) return defaultMaxListeners;
  return that._maxListeners;
}
EventEmitter.prototype.getMaxListeners = function getMaxListeners() { return maxListenersOf(this); };

function throwUnhandled(args) {
  const er = args.length > 0 ? args[0] : undefined;
  if (er instanceof Error) throw er;
  let shown;
  try { shown = inspect(er); } catch { shown = er; }
  const err = new codes.ERR_UNHANDLED_ERROR(shown);
  err.context = er;
  throw err;
}

EventEmitter.prototype.emit = function emit(type, ...args) {
  let doError = type === 'error';
  const events = this._events;
  if (events !== undefined) {
    if (doError && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
    doError = doError && events.error === undefined;
  } else if (!doError) {
    return false;
  }
  if (doError) throwUnhandled(args);
  const handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler === 'function') {
    const result = Reflect.apply(handler, this, args);
    if (result !== undefined && result !== null && this[kCapture]) addCatch(this, result, type, args);
  } else {
    // Listeners added or removed during the emit do not change this one: the list is replaced
    // then, never changed in place (addListenerTo, removeListener).
    const listeners = handler;
    for (let i = 0; i < listeners.length; ++i) {
      const result = Reflect.apply(listeners[i], this, args);
      if (result !== undefined && result !== null && this[kCapture]) addCatch(this, result, type, args);
    }
  }
  return true;
};

// With captureRejections, a listener's rejected promise becomes an 'error' event (or a call of
// the emitter's Symbol.for('nodejs.rejection') method) on the next tick.
function addCatch(that, promise, type, args) {
  try {
    const then = promise.then;
    if (typeof then === 'function') {
      Reflect.apply(then, promise, [undefined, function (err) {
        process.nextTick(emitRejection, that, err, type, args);
      }]);
    }
  } catch (err) {
    that.emit('error', err);
  }
}
function emitRejection(ee, err, type, args) {
  if (typeof ee[kRejection] === 'function') {
    ee[kRejection](err, type, ...args);
    return;
  }
  // An 'error' listener's own rejection must not loop back here.
  const prev = ee[kCapture];
  try {
    ee[kCapture] = false;
    ee.emit('error', err);
  } finally {
    ee[kCapture] = prev;
  }
}

function leakWarning(target, type, count, max) {
  const w = new Error(`Possible EventEmitter memory leak detected. ${count} ${String(type)} listeners ` +
    `added to ${inspect(target, { depth: -1 })}. MaxListeners is ${max}. ` +
    'Use emitter.setMaxListeners() to increase limit');
  w.name = 'MaxListenersExceededWarning';
  w.emitter = target;
  w.type = type;
  w.count = count;
  process.emitWarning(w);
}

function addListenerTo(target, type, listener, prepend) {
  validateFunction(listener, 'listener');
  let events = target._events;
  let existing;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ? listener.listener : listener);
      events = target._events;
    }
    existing = events[type];
  }
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
  } else {
    // A list of listeners is never changed in place but replaced, so that an emit in progress
    // can walk the list it started with without copying it first.
    if (typeof existing === 'function') {
      existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else {
      const warned = existing.warned;
      existing = events[type] = prepend ? [listener, ...existing] : [...existing, listener];
      if (warned) existing.warned = true;
    }
    const m = maxListenersOf(target);
    if (m > 0 && existing.length > m && !existing.warned) {
      existing.warned = true;
      leakWarning(target, type, existing.length, m);
    }
  }
  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return addListenerTo(this, type, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;
EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return addListenerTo(this, type, listener, true);
};

function onceWrapper(...args) {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    return Reflect.apply(this.listener, this.target, args);
  }
}
function onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}
EventEmitter.prototype.once = function once(type, listener) {
  validateFunction(listener, 'listener');
  this.on(type, onceWrap(this, type, listener));
  return this;
};
EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  validateFunction(listener, 'listener');
  this.prependListener(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  validateFunction(listener, 'listener');
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) events[type] = undefined;
    else if (this._eventsCount === 0) this._events = { __proto__: null };
    else delete events[type];
    if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
  } else if (typeof list !== 'function') {
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) { position = i; break; }
    }
    if (position < 0) return this;
    if (list.length === 2) {
      events[type] = list[1 - position];
    } else {
      const rest = list.slice(0, position);
      for (let i = position + 1; i < list.length; i++) rest.push(list[i]);
      if (list.warned) rest.warned = true;
      events[type] = rest;
    }
    if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    this[kShapeMode] = false;
    return this;
  }
  if (arguments.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const listener = events[type];
  if (listener === undefined) return [];
  if (typeof listener === 'function') return unwrap ? [listener.listener || listener] : [listener];
  return unwrap ? listener.map((l) => l.listener || l) : listener.slice();
}
EventEmitter.prototype.listeners = function listeners(type) { return listenersOf(this, type, true); };
EventEmitter.prototype.rawListeners = function rawListeners(type) { return listenersOf(this, type, false); };

function listenerCount(type, listener) {
  const events = this._events;
  if (events !== undefined) {
    const evlistener = events[type];
    if (typeof evlistener === 'function') {
      if (listener != null) return listener === evlistener || listener === evlistener.listener ? 1 : 0;
      return 1;
    } else if (evlistener !== undefined) {
      if (listener != null) {
        let matching = 0;
        for (const l of evlistener) if (l === listener || l.listener === listener) matching++;
        return matching;
      }
      return evlistener.length;
    }
  }
  return 0;
}
EventEmitter.prototype.listenerCount = listenerCount;
EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

// ---- static helpers ------------------------------------------------------------------------

// Deprecated: emitter.listenerCount(type) instead.
function staticListenerCount(emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  if (isEventTarget(emitter)) return eventTargets().listenersOf(emitter, type).length;
  return Reflect.apply(listenerCount, emitter, [type]);
}

// once()/on() accept EventEmitters and EventTargets alike.
function addAgnostic(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') {
    if (flags && flags.once) emitter.once(name, listener);
    else emitter.on(name, listener);
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}
function removeAgnostic(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener, flags);
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}
// Listeners on a signal that stopImmediatePropagation() in another listener does not skip.
function resistantFlags(once) {
  return { __proto__: null, once, [eventTargets().kResistStopPropagation]: true };
}

async function once(emitter, name, options = {}) {
  validateObject(options, 'options');
  const signal = options.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal !== undefined && signal.aborted) throw abortError(signal);
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      removeAgnostic(emitter, name, resolver);
      if (signal !== undefined) signal.removeEventListener('abort', abortListener);
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === 'function') emitter.removeListener('error', errorListener);
      if (signal !== undefined) signal.removeEventListener('abort', abortListener);
      resolve(args);
    };
    const abortListener = () => {
      removeAgnostic(emitter, name, resolver);
      removeAgnostic(emitter, 'error', errorListener);
      reject(abortError(signal));
    };
    addAgnostic(emitter, name, resolver, { once: true });
    if (name !== 'error' && typeof emitter.on === 'function') emitter.once('error', errorListener);
    if (signal !== undefined) signal.addEventListener('abort', abortListener, resistantFlags(true));
  });
}

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

// An async iterator of the emitter's `event` events (each an array of the listener arguments).
function on(emitter, event, options = {}) {
  validateObject(options, 'options');
  const signal = options.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal !== undefined && signal.aborted) throw abortError(signal);
  const highWatermark = options.highWaterMark ?? options.highWatermark ?? Number.MAX_SAFE_INTEGER;
  validateInteger(highWatermark, 'options.highWaterMark', 1);
  const lowWatermark = options.lowWaterMark ?? options.lowWatermark ?? 1;
  validateInteger(lowWatermark, 'options.lowWaterMark', 1);

  const unconsumedEvents = [];
  const unconsumedPromises = [];
  let paused = false;
  let error = null;
  let finished = false;
  const done = () => ({ value: undefined, done: true });
  const listeners = [];

  function listen(name, fn) {
    addAgnostic(emitter, name, fn);
    listeners.push([name, fn]);
  }
  const eventHandler = (...args) => {
    if (unconsumedPromises.length > 0) {
      unconsumedPromises.shift().resolve({ value: args, done: false });
      return;
    }
    unconsumedEvents.push(args);
    if (unconsumedEvents.length > highWatermark && !paused && typeof emitter.pause === 'function') {
      paused = true;
      emitter.pause();
    }
  };
  const errorHandler = (err) => {
    if (unconsumedPromises.length > 0) unconsumedPromises.shift().reject(err);
    else error = err;
    closeHandler();
  };
  const abortListener = () => errorHandler(abortError(signal));
  function closeHandler() {
    for (const [name, fn] of listeners) removeAgnostic(emitter, name, fn);
    listeners.length = 0;
    if (signal !== undefined) signal.removeEventListener('abort', abortListener);
    finished = true;
    while (unconsumedPromises.length > 0) unconsumedPromises.shift().resolve(done());
    return Promise.resolve(done());
  }

  const iterator = Object.setPrototypeOf({
    next() {
      if (unconsumedEvents.length > 0) {
        const value = unconsumedEvents.shift();
        if (paused && unconsumedEvents.length < lowWatermark && typeof emitter.resume === 'function') {
          emitter.resume();
          paused = false;
        }
        return Promise.resolve({ value, done: false });
      }
      if (error) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) return closeHandler();
      return new Promise((resolve, reject) => unconsumedPromises.push({ resolve, reject }));
    },
    return() {
      return closeHandler();
    },
    throw(err) {
      if (!err || !(err instanceof Error)) {
        throw new codes.ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator', 'Error', err);
      }
      errorHandler(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
    [kWatermarkData]: {
      get size() { return unconsumedEvents.length; },
      get low() { return lowWatermark; },
      get high() { return highWatermark; },
      get isPaused() { return paused; },
    },
  }, AsyncIteratorPrototype);

  listen(event, eventHandler);
  if (event !== 'error' && typeof emitter.on === 'function') listen('error', errorHandler);
  const closeEvents = options.close;
  if (closeEvents && closeEvents.length) {
    for (const name of closeEvents) listen(name, closeHandler);
  }
  if (signal !== undefined) signal.addEventListener('abort', abortListener, resistantFlags(true));
  return iterator;
}

function getEventListeners(emitterOrTarget, type) {
  if (emitterOrTarget != null && typeof emitterOrTarget.listeners === 'function') {
    return emitterOrTarget.listeners(type);
  }
  if (isEventTarget(emitterOrTarget)) return eventTargets().listenersOf(emitterOrTarget, type);
  throw new codes.ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function setMaxListeners(n = defaultMaxListeners, ...targets) {
  validateNumber(n, 'setMaxListeners', 0);
  if (targets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  for (const target of targets) {
    if (isEventTarget(target)) {
      target[kMaxEventTargetListeners] = n;
      target[kMaxEventTargetListenersWarned] = false;
    } else if (target != null && typeof target.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else {
      throw new codes.ERR_INVALID_ARG_TYPE('eventTargets', ['EventEmitter', 'EventTarget'], target);
    }
  }
}

function getMaxListeners(emitterOrTarget) {
  if (emitterOrTarget != null && typeof emitterOrTarget.getMaxListeners === 'function') {
    return maxListenersOf(emitterOrTarget);
  }
  if (isEventTarget(emitterOrTarget)) return emitterOrTarget[kMaxEventTargetListeners];
  throw new codes.ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

// Runs `listener` once the signal aborts (on the next microtask if it already has), even when
// another listener stops the event's propagation. The result is a Disposable removing it.
function addAbortListener(signal, listener) {
  if (signal === undefined) throw new codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateFunction(listener, 'listener');
  let remove;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, resistantFlags(true));
    remove = () => signal.removeEventListener('abort', listener);
  }
  return {
    __proto__: null,
    [Symbol.dispose]() {
      if (remove !== undefined) remove();
    },
  };
}

// EventEmitterAsyncResource needs node:async_hooks, so the class is made on first use.
let asyncResourceClass;
function makeEventEmitterAsyncResource() {
  let AsyncResource;
  try {
    ({ AsyncResource } = require('async_hooks'));
  } catch {
    AsyncResource = undefined;
  }
  if (typeof AsyncResource !== 'function') {
    return class EventEmitterAsyncResource extends EventEmitter {
      constructor() {
        throw new codes.ERR_NOT_IMPLEMENTED('events.EventEmitterAsyncResource');
      }
    };
  }
  const privateRead = (name) => new TypeError(
    `Cannot read private member #${name} from an object whose class did not declare it`);

  class EventEmitterReferencingAsyncResource extends AsyncResource {
    #eventEmitter;
    constructor(ee, type, options) {
      super(type, options);
      this.#eventEmitter = ee;
    }
    get eventEmitter() {
      if (!(#eventEmitter in this)) throw privateRead('eventEmitter');
      return this.#eventEmitter;
    }
  }

  return class EventEmitterAsyncResource extends EventEmitter {
    #asyncResource;
    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        if (new.target === EventEmitterAsyncResource) {
          const { validateString } = require('internal/validators');
          validateString(options == null ? undefined : options.name, 'options.name');
        }
        name = (options != null && options.name) || new.target.name;
      }
      super(options);
      this.#asyncResource = new EventEmitterReferencingAsyncResource(this, name, options);
    }
    emit(event, ...args) {
      if (!(#asyncResource in this)) throw privateRead('asyncResource');
      const resource = this.#asyncResource;
      return resource.runInAsyncScope(super.emit, this, event, ...args);
    }
    emitDestroy() {
      if (!(#asyncResource in this)) throw privateRead('asyncResource');
      this.#asyncResource.emitDestroy();
    }
    get asyncId() {
      if (!(#asyncResource in this)) throw privateRead('asyncResource');
      return this.#asyncResource.asyncId();
    }
    get triggerAsyncId() {
      if (!(#asyncResource in this)) throw privateRead('asyncResource');
      return this.#asyncResource.triggerAsyncId();
    }
    get asyncResource() {
      if (!(#asyncResource in this)) throw privateRead('asyncResource');
      return this.#asyncResource;
    }
  };
}

module.exports = EventEmitter;
const statics = {
  addAbortListener, once, on, getEventListeners, getMaxListeners, listenerCount: staticListenerCount,
  EventEmitter, usingDomains: false, captureRejectionSymbol: kRejection,
};
for (const [key, value] of Object.entries(statics)) {
  Object.defineProperty(EventEmitter, key, { value, writable: true, enumerable: true, configurable: true });
}
Object.defineProperty(EventEmitter, 'captureRejections', {
  enumerable: true,
  get() { return EventEmitter.prototype[kCapture]; },
  set(value) {
    validateBoolean(value, 'EventEmitter.captureRejections');
    EventEmitter.prototype[kCapture] = value;
  },
});
Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
  enumerable: true,
  configurable: true,
  get() {
    if (asyncResourceClass === undefined) asyncResourceClass = makeEventEmitterAsyncResource();
    return asyncResourceClass;
  },
  set(value) {
    Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource',
      { value, writable: true, enumerable: true, configurable: true });
  },
});
Object.defineProperty(EventEmitter, 'errorMonitor', { value: kErrorMonitor, writable: true, enumerable: true, configurable: true });
Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  get() { return defaultMaxListeners; },
  set(arg) {
    checkMaxListeners(arg, 'defaultMaxListeners');
    defaultMaxListeners = arg;
  },
});
Object.defineProperty(EventEmitter, 'kMaxEventTargetListeners', { value: kMaxEventTargetListeners });
Object.defineProperty(EventEmitter, 'kMaxEventTargetListenersWarned', { value: kMaxEventTargetListenersWarned });
Object.defineProperty(EventEmitter, 'setMaxListeners', { value: setMaxListeners, writable: true, enumerable: true, configurable: true });
Object.defineProperty(EventEmitter, 'init', { value: init, writable: true, enumerable: true, configurable: true });
