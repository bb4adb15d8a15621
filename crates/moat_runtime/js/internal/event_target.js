'use strict';
// Event, CustomEvent, MessageEvent, EventTarget, AbortSignal and AbortController, as Node has them.
const { codes } = require('internal/errors');
const { validateObject, validateAbortSignal, validateUint32 } = require('internal/validators');
const events = require('events');

const { kMaxEventTargetListeners, kMaxEventTargetListenersWarned } = events;
const kInspect = Symbol.for('nodejs.util.inspect.custom');
// An addEventListener option (internal): the listener runs even after stopImmediatePropagation().
const kResistStopPropagation = Symbol('kResistStopPropagation');
// An Event constructor option (internal): the event is trusted (dispatched by the runtime).
const kTrustEvent = Symbol('kTrustEvent');
const kWeakHandler = Symbol('kWeak');

function lazyInspect(v, opts) { return require('internal/util/inspect').inspect(v, opts); }
function toDOMString(v) {
  if (typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  return `${v}`;
}
// An object view for inspect: `Name { key: value, … }`, or just the name past the depth limit.
function inspectAs(self, name, depth, options, fields) {
  if (depth < 0) return name;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${lazyInspect(fields, opts)}`;
}

// ---- Event --------------------------------------------------------------------------------

let isEvent;
let eventSetDispatch;
let stoppedImmediately;
let isDispatching;
class Event {
  #type; #bubbles; #cancelable; #composed; #defaultPrevented = false; #timeStamp;
  #trusted = false; #target = null; #currentTarget = null; #phase = 0;
  #stopPropagation = false; #stopImmediate = false; #dispatching = false; #inPassive = false;
  static {
    isEvent = (v) => v !== null && typeof v === 'object' && #type in v;
    stoppedImmediately = (ev) => ev.#stopImmediate;
    isDispatching = (ev) => ev.#dispatching;
    eventSetDispatch = (ev, fields) => {
      if ('target' in fields) ev.#target = fields.target;
      if ('currentTarget' in fields) ev.#currentTarget = fields.currentTarget;
      if ('phase' in fields) ev.#phase = fields.phase;
      if ('dispatching' in fields) ev.#dispatching = fields.dispatching;
      if ('passive' in fields) ev.#inPassive = fields.passive;
      return ev;
    };
  }
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('type');
    if (options != null) validateObject(options, 'options', { allowArray: true, allowFunction: true });
    this.#type = toDOMString(type);
    this.#bubbles = !!(options && options.bubbles);
    this.#cancelable = !!(options && options.cancelable);
    this.#composed = !!(options && options.composed);
    this.#trusted = !!(options && options[kTrustEvent]);
    this.#timeStamp = internalBinding('timers').now();
  }
  initEvent(type, bubbles = false, cancelable = false) {
    checkEvent(this);
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('type');
    if (this.#dispatching) return;
    this.#type = toDOMString(type);
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }
  [kInspect](depth, options) {
    const name = this.constructor.name;
    return inspectAs(this, name, depth, options, {
      type: this.#type, defaultPrevented: this.#cancelable && this.#defaultPrevented,
      cancelable: this.#cancelable, timeStamp: this.#timeStamp,
    });
  }
  stopImmediatePropagation() {
    checkEvent(this);
    this.#stopPropagation = true;
    this.#stopImmediate = true;
  }
  preventDefault() {
    checkEvent(this);
    if (!this.#inPassive) this.#defaultPrevented = true;
  }
  get target() { return checkEvent(this).#target; }
  get currentTarget() { return checkEvent(this).#currentTarget; }
  get srcElement() { return checkEvent(this).#target; }
  get type() { return checkEvent(this).#type; }
  get cancelable() { return checkEvent(this).#cancelable; }
  get defaultPrevented() { return checkEvent(this).#cancelable && this.#defaultPrevented; }
  get timeStamp() { return checkEvent(this).#timeStamp; }
  composedPath() { return checkEvent(this).#dispatching ? [this.#currentTarget] : []; }
  get returnValue() { return !(checkEvent(this).#cancelable && this.#defaultPrevented); }
  set returnValue(value) {
    checkEvent(this);
    if (!value) this.preventDefault();
  }
  get bubbles() { return checkEvent(this).#bubbles; }
  get composed() { return checkEvent(this).#composed; }
  get eventPhase() { return checkEvent(this).#phase; }
  get cancelBubble() { return checkEvent(this).#stopPropagation; }
  set cancelBubble(value) {
    checkEvent(this);
    if (value) this.#stopPropagation = true;
  }
  stopPropagation() { checkEvent(this).#stopPropagation = true; }
  get isTrusted() { return checkEvent(this).#trusted; }
}
function checkEvent(v) {
  if (!isEvent(v)) throw new codes.ERR_INVALID_THIS('Event');
  return v;
}
function enumerable(proto, names) {
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    d.enumerable = true;
    Object.defineProperty(proto, name, d);
  }
}
enumerable(Event.prototype, [
  'initEvent', 'stopImmediatePropagation', 'preventDefault', 'target', 'currentTarget', 'srcElement', 'type',
  'cancelable', 'defaultPrevented', 'timeStamp', 'composedPath', 'returnValue', 'bubbles', 'composed',
  'eventPhase', 'cancelBubble', 'stopPropagation', 'isTrusted',
]);
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });
for (const [k, v] of Object.entries({ NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 })) {
  Object.defineProperty(Event, k, { value: v, enumerable: true });
}

let isCustomEvent;
class CustomEvent extends Event {
  #detail;
  static {
    isCustomEvent = (v) => v !== null && typeof v === 'object' && #detail in v;
  }
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('type');
    super(type, options);
    this.#detail = options != null && options.detail !== undefined ? options.detail : null;
  }
  get detail() {
    if (!isCustomEvent(this)) throw new codes.ERR_INVALID_THIS('CustomEvent');
    return this.#detail;
  }
}
enumerable(CustomEvent.prototype, ['detail']);
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, { value: 'CustomEvent', configurable: true });

let isMessageEvent;
function illegalInvocation() {
  const err = new TypeError('Illegal invocation');
  err.code = 'ERR_INVALID_THIS';
  return err;
}
class MessageEvent extends Event {
  #data; #origin; #lastEventId; #source; #ports;
  static {
    isMessageEvent = (v) => v !== null && typeof v === 'object' && #data in v;
  }
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new TypeError('MessageEvent constructor: 1 argument required, but 0 found.');
    super(type, options);
    const o = options == null ? {} : options;
    this.#data = o.data === undefined ? null : o.data;
    this.#origin = o.origin === undefined ? '' : `${o.origin}`;
    this.#lastEventId = o.lastEventId === undefined ? '' : `${o.lastEventId}`;
    this.#source = o.source === undefined ? null : o.source;
    this.#ports = o.ports === undefined ? [] : [...o.ports];
  }
  get data() { if (!isMessageEvent(this)) throw illegalInvocation(); return this.#data; }
  get origin() { if (!isMessageEvent(this)) throw illegalInvocation(); return this.#origin; }
  get lastEventId() { if (!isMessageEvent(this)) throw illegalInvocation(); return this.#lastEventId; }
  get source() { if (!isMessageEvent(this)) throw illegalInvocation(); return this.#source; }
  get ports() { if (!isMessageEvent(this)) throw illegalInvocation(); return this.#ports; }
  initMessageEvent(type, bubbles = false, cancelable = false, data = null, origin = '', lastEventId = '',
    source = null, ports = []) {
    if (!isMessageEvent(this)) throw illegalInvocation();
    this.initEvent(type, bubbles, cancelable);
    this.#data = data;
    this.#origin = `${origin}`;
    this.#lastEventId = `${lastEventId}`;
    this.#source = source;
    this.#ports = [...ports];
  }
}
enumerable(MessageEvent.prototype, ['data', 'origin', 'lastEventId', 'source', 'ports', 'initMessageEvent']);
Object.defineProperty(MessageEvent.prototype, Symbol.toStringTag, { value: 'MessageEvent', configurable: true });

let isCloseEvent;
// Node's conversion of CloseEvent's `code`: truncated, then wrapped (keeping its sign) to 16 bits.
function closeCode(v) {
  const n = Number(v);
  if (!Number.isFinite(n)) return 0;
  return (Math.trunc(n) % 65536) || 0;
}
class CloseEvent extends Event {
  #wasClean; #code; #reason;
  static {
    isCloseEvent = (v) => v !== null && typeof v === 'object' && #wasClean in v;
  }
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new TypeError('CloseEvent constructor: 1 argument required, but 0 found.');
    if (options !== null && options !== undefined && typeof options !== 'object' && typeof options !== 'function') {
      throw new TypeError(`undefined: Expected ${String(options)} to be one of: Null, Undefined, Object.`);
    }
    super(type, options);
    const o = options == null ? {} : options;
    this.#wasClean = !!o.wasClean;
    this.#code = o.code === undefined ? 0 : closeCode(o.code);
    this.#reason = o.reason === undefined ? '' : `${o.reason}`;
  }
  get wasClean() { if (!isCloseEvent(this)) throw illegalInvocation(); return this.#wasClean; }
  get code() { if (!isCloseEvent(this)) throw illegalInvocation(); return this.#code; }
  get reason() { if (!isCloseEvent(this)) throw illegalInvocation(); return this.#reason; }
}
enumerable(CloseEvent.prototype, ['wasClean', 'code', 'reason']);
Object.defineProperty(CloseEvent.prototype, Symbol.toStringTag, { value: 'CloseEvent', configurable: true });

// ---- EventTarget --------------------------------------------------------------------------

function listenerOptions(options) {
  if (options === null || typeof options !== 'object') {
    return { capture: !!options, once: false, passive: false, signal: undefined, resist: false, weak: undefined };
  }
  return {
    capture: !!options.capture,
    once: !!options.once,
    passive: !!options.passive,
    signal: options.signal,
    resist: !!options[kResistStopPropagation],
    weak: options[kWeakHandler],
  };
}

// Whether the value can be a listener: a function, an object (its handleEvent is looked up
// at each dispatch) or nothing (ignored with a warning).
function checkListener(listener) {
  if (typeof listener === 'function' || (listener !== null && typeof listener === 'object')) return true;
  if (listener == null) return false;
  throw new codes.ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

let isEventTarget;
let listMap;
const weakHolders = new WeakMap();
function listenerOf(entry) {
  return entry.ref === undefined ? entry.listener : entry.ref.deref();
}
class EventTarget {
  // type -> array of { listener | ref, capture, once, passive, resist, removed }
  #listeners = new Map();
  static {
    isEventTarget = (v) => v !== null && typeof v === 'object' && #listeners in v;
    listMap = (t) => t.#listeners;
  }
  constructor() {
    initEventTarget(this);
  }
  addEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new codes.ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new codes.ERR_MISSING_ARGS('type', 'listener');
    const { capture, once, passive, signal, resist, weak } = listenerOptions(options);
    validateAbortSignal(signal, 'options.signal');
    if (!checkListener(listener)) {
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    type = toDOMString(type);
    if (signal !== undefined && signal.aborted) return;
    let list = this.#listeners.get(type);
    if (list === undefined) {
      list = [];
      this.#listeners.set(type, list);
    }
    for (const entry of list) if (listenerOf(entry) === listener && entry.capture === capture) return;
    const entry = { listener, ref: undefined, capture, once, passive, resist, removed: false };
    if (weak !== undefined && weak !== null && (typeof listener === 'function' || typeof listener === 'object')) {
      // A weak listener lives as long as the object given as kWeakHandler (or any other holder).
      entry.listener = undefined;
      entry.ref = new WeakRef(listener);
      let held = weakHolders.get(weak);
      if (held === undefined) weakHolders.set(weak, held = new Set());
      held.add(listener);
    }
    list.push(entry);
    keepTimeoutSignal(this, type, list.length);
    const max = this[kMaxEventTargetListeners];
    if (max > 0 && list.length > max && !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      const w = new Error(`Possible EventTarget memory leak detected. ${list.length} ${type} listeners added to ` +
        `${lazyInspect(this, { depth: -1 })}. MaxListeners is ${max}. Use events.setMaxListeners() to increase limit`);
      w.name = 'MaxListenersExceededWarning';
      w.target = this;
      w.type = type;
      w.count = list.length;
      process.emitWarning(w);
    }
    if (signal !== undefined) {
      signal.addEventListener('abort', () => this.removeEventListener(type, listener, options),
        { __proto__: null, once: true, [kWeakHandler]: this, [kResistStopPropagation]: true });
    }
  }
  removeEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new codes.ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new codes.ERR_MISSING_ARGS('type', 'listener');
    type = toDOMString(type);
    const capture = options !== null && typeof options === 'object' ? !!options.capture : !!options;
    const list = this.#listeners.get(type);
    if (list === undefined) return;
    const i = list.findIndex((l) => listenerOf(l) === listener && l.capture === capture);
    if (i === -1) return;
    // A dispatch under way skips it too.
    list[i].removed = true;
    list.splice(i, 1);
    if (list.length === 0) this.#listeners.delete(type);
    keepTimeoutSignal(this, type, list.length);
  }
  dispatchEvent(event) {
    if (!isEventTarget(this)) throw new codes.ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('event');
    if (!(event instanceof Event)) throw new codes.ERR_INVALID_ARG_TYPE('event', 'Event', event);
    if (isDispatching(event)) throw new codes.ERR_EVENT_RECURSION(event.type);
    eventSetDispatch(event, { target: this, currentTarget: this, phase: 2, dispatching: true });
    const list = this.#listeners.get(event.type);
    try {
      if (list !== undefined) {
        for (const entry of list.slice()) {
          if (entry.removed) continue;
          if (stoppedImmediately(event) && !entry.resist) continue;
          const listener = listenerOf(entry);
          if (listener === undefined) {
            // A weak listener that was collected.
            this.removeEventListener(event.type, undefined, { capture: entry.capture });
            continue;
          }
          if (entry.once) this.removeEventListener(event.type, listener, { capture: entry.capture });
          eventSetDispatch(event, { passive: entry.passive });
          callListener(this, listener, event);
          eventSetDispatch(event, { passive: false });
        }
      }
    } finally {
      eventSetDispatch(event, { currentTarget: null, phase: 0, dispatching: false });
    }
    return !event.defaultPrevented;
  }
  [kInspect](depth, options) {
    return inspectAs(this, this.constructor.name, depth, options, {});
  }
}
enumerable(EventTarget.prototype, ['addEventListener', 'removeEventListener', 'dispatchEvent']);
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });

function initEventTarget(target) {
  // Internal slots: util.inspect shows none of them.
  Object.defineProperty(target, kMaxEventTargetListeners, {
    value: events.defaultMaxListeners, writable: true, configurable: true,
  });
  Object.defineProperty(target, kMaxEventTargetListenersWarned, { value: false, writable: true, configurable: true });
}

// A listener's exception (or its promise's rejection) becomes an uncaught exception on the
// next tick; the dispatch goes on.
function reportError(err) {
  process.nextTick(() => { throw err; });
}
function callListener(target, listener, event) {
  let result;
  try {
    if (typeof listener === 'function') {
      result = Reflect.apply(listener, target, [event]);
    } else {
      const handleEvent = listener.handleEvent;
      if (typeof handleEvent !== 'function') return;
      result = Reflect.apply(handleEvent, listener, [event]);
    }
    if (result !== undefined && result !== null && typeof result.then === 'function') {
      result.then(undefined, reportError);
    }
  } catch (err) {
    reportError(err);
  }
}

function listenersOf(target, type) {
  const list = listMap(target).get(toDOMString(type));
  if (list === undefined) return [];
  return list.map(listenerOf).filter((l) => l !== undefined);
}

// `on<type>` attributes: a settable handler kept as one listener among the others.
function defineEventHandler(proto, type) {
  const handlers = new WeakMap();
  Object.defineProperty(proto, `on${type}`, {
    enumerable: true,
    configurable: true,
    get() {
      const h = handlers.get(this);
      return h === undefined ? null : h.handler;
    },
    set(value) {
      let h = handlers.get(this);
      if (h === undefined) {
        h = { handler: null, wrapper: undefined };
        handlers.set(this, h);
      }
      const fn = typeof value === 'function' || (value !== null && typeof value === 'object') ? value : null;
      if (fn !== null && h.wrapper === undefined) {
        const self = this;
        h.wrapper = function (event) {
          const handler = h.handler;
          if (typeof handler === 'function') return Reflect.apply(handler, self, [event]);
          return undefined;
        };
        this.addEventListener(type, h.wrapper);
      } else if (fn === null && h.wrapper !== undefined) {
        this.removeEventListener(type, h.wrapper);
        h.wrapper = undefined;
      }
      h.handler = fn;
    },
  });
}

// ---- AbortSignal / AbortController ---------------------------------------------------------

function domException(message, name) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, name);
}

const kCreate = Symbol('create');
// Signals nothing but their own listeners may keep alive: timeout signals (held weakly by their
// timer) and AbortSignal.any signals (held weakly by their sources).
const weaklyHeldSignals = new WeakSet();
// Those of them with 'abort' listeners: held until they abort or lose their listeners.
const persistentSignals = new Set();
const timerOfSignal = new FinalizationRegistry((timer) => clearTimeout(timer));
// A collected AbortSignal.any signal leaves its sources' dependents.
const dependentOfSources = new FinalizationRegistry(({ sets, ref }) => {
  for (const set of sets) set.delete(ref);
});
function keepTimeoutSignal(target, type, listenerCount) {
  if (type !== 'abort' || !weaklyHeldSignals.has(target)) return;
  if (listenerCount > 0 && !target.aborted) persistentSignals.add(target);
  else persistentSignals.delete(target);
}
let isAbortSignal;
let signalState;
class AbortSignal extends EventTarget {
  #aborted = false;
  #reason = undefined;
  // For a signal made by AbortSignal.any: its sources, and a weak reference to itself; for a
  // source: weak references to the signals depending on it.
  #sources = null;
  #selfRef = null;
  #dependents = null;
  static {
    isAbortSignal = (v) => v !== null && typeof v === 'object' && #aborted in v;
    signalState = (s) => ({
      setAborted(reason) { s.#aborted = true; s.#reason = reason; },
      get sources() { return s.#sources; },
      set sources(v) { s.#sources = v; },
      get dependents() { return s.#dependents; },
      get selfRef() { return s.#selfRef; },
      set dependents(v) { s.#dependents = v; },
    });
  }
  constructor(key) {
    if (key !== kCreate) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    super();
    // A signal may have any number of listeners unless events.setMaxListeners() says otherwise.
    this[kMaxEventTargetListeners] = 0;
  }
  get aborted() {
    if (!isAbortSignal(this)) throw new codes.ERR_INVALID_THIS('AbortSignal');
    return this.#aborted;
  }
  get reason() {
    if (!isAbortSignal(this)) throw new codes.ERR_INVALID_THIS('AbortSignal');
    return this.#reason;
  }
  throwIfAborted() {
    if (!isAbortSignal(this)) throw new codes.ERR_INVALID_THIS('AbortSignal');
    if (this.#aborted) throw this.#reason;
  }
  [kInspect](depth, options) {
    if (depth < 0) return '[AbortSignal]';
    return inspectAs(this, 'AbortSignal', depth, options, { aborted: this.#aborted });
  }
  static abort(reason = domException('This operation was aborted', 'AbortError')) {
    const s = new AbortSignal(kCreate);
    s.#aborted = true;
    s.#reason = reason;
    return s;
  }
  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const s = new AbortSignal(kCreate);
    // The timer holds the signal weakly: an unobserved timeout signal can be collected (and its
    // timer is then cleared). An 'abort' listener keeps it alive (see keepTimeoutSignal).
    const ref = new WeakRef(s);
    const t = setTimeout(() => {
      const signal = ref.deref();
      if (signal === undefined) return;
      persistentSignals.delete(signal);
      abortSignal(signal, domException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    // A pending timeout does not keep the process alive.
    t.unref();
    weaklyHeldSignals.add(s);
    timerOfSignal.register(s, t);
    return s;
  }
  static any(signals) {
    if (signals === null || typeof signals !== 'object' || typeof signals[Symbol.iterator] !== 'function') {
      const err = new TypeError('signals cannot be converted to sequence.');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    const list = [...signals];
    for (let i = 0; i < list.length; i++) {
      if (!isAbortSignal(list[i])) {
        const err = new TypeError(`signals[${i}] is not of type AbortSignal.`);
        err.code = 'ERR_INVALID_ARG_TYPE';
        throw err;
      }
    }
    const s = new AbortSignal(kCreate);
    for (const sig of list) {
      if (sig.#aborted) {
        s.#aborted = true;
        s.#reason = sig.#reason;
        return s;
      }
    }
    const sources = new Set();
    for (const sig of list) {
      if (sig.#sources !== null) for (const src of sig.#sources) sources.add(src);
      else sources.add(sig);
    }
    s.#sources = sources;
    s.#selfRef = new WeakRef(s);
    const sets = [];
    for (const src of sources) {
      if (src.#dependents === null) src.#dependents = new Set();
      src.#dependents.add(s.#selfRef);
      sets.push(src.#dependents);
    }
    weaklyHeldSignals.add(s);
    dependentOfSources.register(s, { sets, ref: s.#selfRef });
    return s;
  }
}
defineEventHandler(AbortSignal.prototype, 'abort');
enumerable(AbortSignal.prototype, ['aborted']);
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });

// Aborts the signal and every signal depending on it: all are marked before any 'abort' event
// is dispatched.
function abortSignal(signal, reason) {
  if (signal.aborted) return;
  const toFire = [signal];
  signalState(signal).setAborted(reason);
  const deps = signalState(signal).dependents;
  if (deps !== null) {
    for (const ref of deps) {
      const dep = ref.deref();
      if (dep === undefined) {
        deps.delete(ref);
        continue;
      }
      if (dep.aborted) continue;
      signalState(dep).setAborted(reason);
      toFire.push(dep);
    }
  }
  for (const s of toFire) {
    persistentSignals.delete(s);
    const state = signalState(s);
    if (state.sources !== null) {
      for (const src of state.sources) {
        const d = signalState(src).dependents;
        if (d !== null) d.delete(state.selfRef);
      }
    }
    s.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
  }
}

// The copy of a transferable AbortSignal (util.transferableAbortSignal) that a structured clone
// delivers: aborted as the original is, or, later, soon after the original aborts, with a copy
// of its reason. The original's listener lives only as long as the copy.
function cloneAbortSignal(signal) {
  const copyReason = (reason) => {
    try {
      return structuredClone(reason);
    } catch {
      return reason;
    }
  };
  const out = new AbortSignal(kCreate);
  if (signal.aborted) {
    signalState(out).setAborted(copyReason(signal.reason));
    return out;
  }
  signal.addEventListener('abort', () => {
    const reason = copyReason(signal.reason);
    queueMicrotask(() => abortSignal(out, reason));
  }, { __proto__: null, once: true, [kWeakHandler]: out, [kResistStopPropagation]: true });
  return out;
}

let isAbortController;
// The brand check of AbortController fails as reading a private field does in V8.
function privateSignal() {
  return new TypeError('Cannot read private member #signal from an object whose class did not declare it');
}
class AbortController {
  #signal = new AbortSignal(kCreate);
  static {
    isAbortController = (v) => v !== null && typeof v === 'object' && #signal in v;
  }
  get signal() {
    if (!isAbortController(this)) throw privateSignal();
    return this.#signal;
  }
  abort(reason = domException('This operation was aborted', 'AbortError')) {
    if (!isAbortController(this)) throw privateSignal();
    abortSignal(this.#signal, reason);
  }
  [kInspect](depth, options) {
    if (depth < 0) return this;
    return inspectAs(this, 'AbortController', depth, options, { signal: this.#signal });
  }
}
enumerable(AbortController.prototype, ['signal', 'abort']);
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });

module.exports = {
  Event, CustomEvent, MessageEvent, CloseEvent, EventTarget, AbortController, AbortSignal,
  isEventTarget, listenersOf, defineEventHandler, kResistStopPropagation, kTrustEvent, kWeakHandler,
  initEventTarget, cloneAbortSignal, isAbortSignal: (v) => isAbortSignal(v),
};
