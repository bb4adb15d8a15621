'use strict';
// node:diagnostics_channel: named channels that publish messages to their subscribers, bound
// AsyncLocalStorage stores, and tracing channels (start/end/asyncStart/asyncEnd/error).
//
// Channels are held weakly: one nobody holds, subscribes to or binds a store to may be
// collected, and channel(name) then makes a new one.

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateFunction } = require('internal/validators');

// name -> WeakRef of its channel. A channel with subscribers or stores is also in `active`, which
// keeps it alive.
const channels = new Map();
const active = new Set();
const forget = new FinalizationRegistry((name) => {
  const ref = channels.get(name);
  if (ref !== undefined && ref.deref() === undefined) channels.delete(name);
});

// A subscriber that throws does not stop the others: its error is thrown again from a tick, as
// an uncaught exception.
function reportLater(err) {
  process.nextTick(() => { throw err; });
}

function validateName(name, argName) {
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new ERR_INVALID_ARG_TYPE(argName, ['string', 'symbol'], name);
  }
}

class Channel {
  constructor(name) {
    this._subscribers = undefined;
    this._stores = undefined;
    this.name = name;
    channels.set(name, new WeakRef(this));
    forget.register(this, name);
  }

  get hasSubscribers() {
    return this._subscribers !== undefined || this._stores !== undefined;
  }

  #update() {
    if (this.hasSubscribers) active.add(this); else active.delete(this);
  }

  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    // A new array each time: a publish under way goes on with the list it started with.
    this._subscribers = this._subscribers === undefined ? [subscription] : [...this._subscribers, subscription];
    this.#update();
  }

  unsubscribe(subscription) {
    if (this._subscribers === undefined) return false;
    const i = this._subscribers.indexOf(subscription);
    if (i === -1) return false;
    const next = this._subscribers.slice();
    next.splice(i, 1);
    this._subscribers = next.length === 0 ? undefined : next;
    this.#update();
    return true;
  }

  bindStore(store, transform) {
    const next = new Map(this._stores);
    next.set(store, transform);
    this._stores = next;
    this.#update();
  }

  unbindStore(store) {
    if (this._stores === undefined || !this._stores.has(store)) return false;
    const next = new Map(this._stores);
    next.delete(store);
    this._stores = next.size === 0 ? undefined : next;
    this.#update();
    return true;
  }

  publish(data) {
    const subscribers = this._subscribers;
    if (subscribers === undefined) return;
    for (let i = 0; i < subscribers.length; i++) {
      try {
        Reflect.apply(subscribers[i], undefined, [data, this.name]);
      } catch (err) {
        reportLater(err);
      }
    }
  }

  runStores(data, fn, thisArg, ...args) {
    // Innermost: publish, then the function; each bound store wraps it in store.run().
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    if (this._stores !== undefined) {
      for (const [store, transform] of this._stores) {
        const inner = run;
        run = () => {
          let value;
          try {
            value = transform === undefined ? data : transform(data);
          } catch (err) {
            reportLater(err);
            return inner();
          }
          return store.run(value, inner);
        };
      }
    }
    return run();
  }
}

function channel(name) {
  const ref = channels.get(name);
  if (ref !== undefined) {
    const existing = ref.deref();
    if (existing !== undefined) return existing;
  }
  validateName(name, 'channel');
  return new Channel(name);
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  const ref = channels.get(name);
  const ch = ref === undefined ? undefined : ref.deref();
  return ch === undefined ? false : ch.unsubscribe(subscription);
}

function hasSubscribers(name) {
  const ref = channels.get(name);
  const ch = ref === undefined ? undefined : ref.deref();
  return ch === undefined ? false : ch.hasSubscribers;
}

// ---- tracing channels ---------------------------------------------------------------------

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

class TracingChannel {
  constructor(nameOrChannels) {
    for (const event of traceEvents) {
      let ch;
      if (typeof nameOrChannels === 'string') {
        ch = channel(`tracing:${nameOrChannels}:${event}`);
      } else {
        ch = nameOrChannels[event];
        // Node reads the prototype of each: a missing one fails as that would.
        if (ch == null) throw new TypeError('Cannot convert undefined or null to object');
        if (!(ch instanceof Channel)) {
          throw new ERR_INVALID_ARG_TYPE(`nameOrChannels.${event}`, ['Channel'], ch);
        }
      }
      Object.defineProperty(this, event, { value: ch, writable: false, enumerable: false, configurable: false });
    }
  }

  get hasSubscribers() {
    return this.start.hasSubscribers || this.end.hasSubscribers || this.asyncStart.hasSubscribers ||
      this.asyncEnd.hasSubscribers || this.error.hasSubscribers;
  }

  subscribe(handlers) {
    for (const event of traceEvents) {
      if (handlers[event]) this[event].subscribe(handlers[event]);
    }
  }

  unsubscribe(handlers) {
    let all = true;
    for (const event of traceEvents) {
      if (handlers[event] && !this[event].unsubscribe(handlers[event])) all = false;
    }
    return all;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, error } = this;
    return start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const settled = (result) => {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    };
    const failed = (err) => {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return Promise.reject(err);
    };
    return start.runStores(context, () => {
      try {
        let promise = Reflect.apply(fn, thisArg, args);
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(settled, failed);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const callback = args.at(position);
    validateFunction(callback, 'callback');
    function traced(err, result) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = result;
      }
      const self = this;
      const callArgs = arguments;
      return asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback, self, callArgs);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    args.splice(position, 1, traced);
    return start.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) {
  if (typeof nameOrChannels !== 'string' && (nameOrChannels === null || typeof nameOrChannels !== 'object')) {
    throw new ERR_INVALID_ARG_TYPE('nameOrChannels', ['string', 'TracingChannel', 'Object'], nameOrChannels);
  }
  if (nameOrChannels instanceof TracingChannel) return nameOrChannels;
  return new TracingChannel(nameOrChannels);
}

module.exports = { channel, hasSubscribers, subscribe, tracingChannel, unsubscribe, Channel };
