'use strict';
// Event, EventTarget, CustomEvent, AbortController and AbortSignal.
const { codes } = require('internal/errors');

const kStop = Symbol('stop');
const kInPassive = Symbol('inPassiveListener');

// Reads the options addEventListener looks at — and no others.
function listenerOptions(options) {
  if (options === null || typeof options !== 'object') return { capture: !!options, once: false, passive: false, signal: undefined };
  const { capture, once, passive, signal } = options;
  return { capture: !!capture, once: !!once, passive: !!passive, signal };
}
class Event {
  #type; #bubbles; #cancelable; #composed; #defaultPrevented = false; #timeStamp; #target = null;
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('type');
    this.#type = `${type}`;
    this.#bubbles = !!(options && options.bubbles);
    this.#cancelable = !!(options && options.cancelable);
    this.#composed = !!(options && options.composed);
    this.#timeStamp = internalBinding('timers').now();
    this[kStop] = false;
  }
  get type() { return this.#type; }
  get bubbles() { return this.#bubbles; }
  get cancelable() { return this.#cancelable; }
  get composed() { return this.#composed; }
  get defaultPrevented() { return this.#cancelable && this.#defaultPrevented; }
  get timeStamp() { return this.#timeStamp; }
  get target() { return this.#target; }
  get currentTarget() { return this.#target; }
  get srcElement() { return this.#target; }
  get isTrusted() { return false; }
  get eventPhase() { return this.#target ? 2 : 0; }
  get returnValue() { return !this.defaultPrevented; }
  get cancelBubble() { return this[kStop]; }
  composedPath() { return this.#target ? [this.#target] : []; }
  preventDefault() { if (!this[kInPassive]) this.#defaultPrevented = true; }
  stopPropagation() { this[kStop] = true; }
  stopImmediatePropagation() { this[kStop] = true; }
  _setTarget(t) { this.#target = t; }
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });
for (const [k, v] of Object.entries({ NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 })) {
  Object.defineProperty(Event, k, { value: v, enumerable: true });
}

class CustomEvent extends Event {
  #detail;
  constructor(type, options = undefined) {
    super(type, options);
    this.#detail = options && options.detail !== undefined ? options.detail : null;
  }
  get detail() { return this.#detail; }
}

const kListeners = Symbol('listeners');
// The listener count past which events.setMaxListeners warns (the default's at creation).
const kMaxListeners = Symbol('maxListeners');
class EventTarget {
  constructor() {
    // Internal slots: util.inspect shows none of them.
    Object.defineProperty(this, kListeners, { value: new Map(), writable: true, configurable: true });
    Object.defineProperty(this, kMaxListeners, {
      value: require('events').defaultMaxListeners, writable: true, configurable: true,
    });
  }
  addEventListener(type, listener, options = undefined) {
    const { once, passive, signal } = listenerOptions(options);
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
    }
    if (listener == null) return;
    if (signal && signal.aborted) return;
    let list = this[kListeners].get(`${type}`);
    if (!list) { list = []; this[kListeners].set(`${type}`, list); }
    if (list.some((l) => l.listener === listener)) return;
    const entry = { listener, once, passive };
    list.push(entry);
    if (signal) signal.addEventListener('abort', () => this.removeEventListener(type, listener), { once: true });
  }
  removeEventListener(type, listener) {
    const list = this[kListeners].get(`${type}`);
    if (!list) return;
    const i = list.findIndex((l) => l.listener === listener);
    if (i === -1) return;
    // A dispatch under way skips it too.
    list[i].removed = true;
    list.splice(i, 1);
  }
  dispatchEvent(event) {
    if (!(event instanceof Event)) throw new codes.ERR_INVALID_ARG_TYPE('event', 'Event', event);
    event._setTarget(this);
    const list = this[kListeners].get(event.type);
    if (list) {
      for (const entry of list.slice()) {
        if (entry.removed) continue;
        if (entry.once) this.removeEventListener(event.type, entry.listener);
        event[kInPassive] = entry.passive;
        try {
          if (typeof entry.listener === 'function') entry.listener.call(this, event);
          else if (entry.listener && typeof entry.listener.handleEvent === 'function') entry.listener.handleEvent(event);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
        event[kInPassive] = false;
        if (event[kStop]) break;
      }
    }
    return !event.defaultPrevented;
  }
  _getListeners(type) { return (this[kListeners].get(type) || []).map((l) => l.listener); }
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });

function abortError(reason) {
  if (reason !== undefined) return reason;
  const { DOMException } = require('internal/dom_exception');
  return new DOMException('This operation was aborted', 'AbortError');
}

class AbortSignal extends EventTarget {
  #aborted = false; #reason = undefined;
  constructor(key) {
    if (key !== kCreate) {
      const { codes: { ERR_ILLEGAL_CONSTRUCTOR } } = require('internal/errors');
      throw new ERR_ILLEGAL_CONSTRUCTOR();
    }
    super();
    // A signal may have any number of listeners.
    this[kMaxListeners] = 0;
    this.onabort = null;
  }
  get aborted() { return this.#aborted; }
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return `AbortSignal ${inspect({ aborted: this.#aborted }, options)}`;
  }
  get reason() { return this.#reason; }
  throwIfAborted() { if (this.#aborted) throw this.#reason; }
  _abort(reason) {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = abortError(reason);
    const ev = new Event('abort');
    if (typeof this.onabort === 'function') this.onabort.call(this, ev);
    this.dispatchEvent(ev);
  }
  static abort(reason) {
    const s = new AbortSignal(kCreate);
    s.#aborted = true;
    s.#reason = abortError(reason);
    return s;
  }
  static timeout(ms) {
    const s = new AbortSignal(kCreate);
    const t = setTimeout(() => {
      const { DOMException } = require('internal/dom_exception');
      s._abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, ms);
    t.unref();
    return s;
  }
  static any(signals) {
    const s = new AbortSignal(kCreate);
    for (const sig of signals) {
      if (sig.aborted) { s._abort(sig.reason); return s; }
    }
    for (const sig of signals) sig.addEventListener('abort', () => s._abort(sig.reason), { once: true });
    return s;
  }
}
const kCreate = Symbol('create');
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });

class AbortController {
  #signal = new AbortSignal(kCreate);
  get signal() { return this.#signal; }
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return `AbortController ${inspect({ signal: this.#signal }, options)}`;
  }
  abort(reason) { this.#signal._abort(reason); }
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });

function setMaxListeners(target, n) { target[kMaxListeners] = n; }
function getMaxListeners(target) { return target[kMaxListeners]; }

module.exports = { Event, EventTarget, CustomEvent, AbortController, AbortSignal, setMaxListeners, getMaxListeners };
