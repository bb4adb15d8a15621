'use strict';
// node:test's mocking: mock.fn() wraps a function so that each call is recorded (arguments,
// result or error, `this`, new.target, a stack), with an implementation that can be swapped for
// all calls, for one, or for the first n; mock.method/getter/setter put such a function in an
// object's property until restored; mock.property records the reads and writes of a value.
// restoreAll() puts every mocked property back; reset() also forgets the mocks. Timers and
// modules are not mocked yet.

const { codes } = require('internal/errors');
const { thrower } = require('internal/errors');
const {
  validateFunction, validateInteger, validateObject, validateBoolean,
} = require('internal/validators');

function noop() {}

let nextImplementation;
let record;
class MockFunctionContext {
  #calls = [];
  #implementation;
  #original;
  #once = new Map();
  #timesLeft;
  #onRestore;
  static {
    nextImplementation = (ctx) => ctx.#next();
    record = (ctx, call) => { ctx.#calls.push(call); };
  }
  constructor(implementation, original, times, onRestore) {
    this.#implementation = implementation;
    this.#original = original;
    this.#timesLeft = times;
    this.#onRestore = onRestore;
  }
  // A copy: what a test keeps does not change with later calls.
  get calls() { return this.#calls.slice(); }
  callCount() { return this.#calls.length; }
  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
    this.#timesLeft = undefined;
  }
  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    const call = onCall === undefined ? this.#calls.length : onCall;
    validateInteger(call, 'onCall', 0);
    this.#once.set(call, implementation);
  }
  restore() {
    this.#implementation = this.#original;
    this.#timesLeft = undefined;
    if (this.#onRestore !== undefined) {
      const fn = this.#onRestore;
      this.#onRestore = undefined;
      fn();
    }
  }
  resetCalls() { this.#calls = []; }
  // The implementation the next call runs: one given for that call, else the current one,
  // which gives way to the original after its `times` calls.
  #next() {
    const n = this.#calls.length;
    const once = this.#once.get(n);
    if (once !== undefined) {
      this.#once.delete(n);
      return once;
    }
    const impl = this.#implementation;
    if (this.#timesLeft !== undefined && --this.#timesLeft <= 0) {
      this.#timesLeft = undefined;
      this.#implementation = this.#original;
    }
    return impl;
  }
}

let readProperty;
let writeProperty;
class MockPropertyContext {
  #accesses = [];
  #value;
  #original;
  #once = new Map();
  #onRestore;
  static {
    readProperty = (ctx) => ctx.#read();
    writeProperty = (ctx, value) => ctx.#write(value);
  }
  constructor(value, original, onRestore) {
    this.#value = value;
    this.#original = original;
    this.#onRestore = onRestore;
  }
  get accesses() { return this.#accesses.slice(); }
  accessCount() { return this.#accesses.length; }
  mockImplementation(value) { this.#value = value; }
  mockImplementationOnce(value, onAccess) {
    const n = onAccess === undefined ? this.#accesses.length : onAccess;
    validateInteger(n, 'onAccess', 0);
    this.#once.set(n, value);
  }
  resetAccesses() { this.#accesses = []; }
  restore() {
    if (this.#onRestore !== undefined) {
      const fn = this.#onRestore;
      this.#onRestore = undefined;
      fn(this.#original);
    }
  }
  // A read through the mocked property: the value given for this access, else the current one.
  #read() {
    const n = this.#accesses.length;
    let value = this.#value;
    if (this.#once.has(n)) {
      value = this.#once.get(n);
      this.#once.delete(n);
    }
    this.#accesses.push({ __proto__: null, type: 'get', value, stack: new Error() });
    return value;
  }
  #write(value) {
    this.#value = value;
    this.#accesses.push({ __proto__: null, type: 'set', value, stack: new Error() });
  }
}

// The descriptor of `name` on `object` or the nearest prototype that has it.
function findDescriptor(object, name) {
  for (let o = object; o !== null && o !== undefined; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d !== undefined) return d;
  }
  return undefined;
}

function validateName(name, argName) {
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new codes.ERR_INVALID_ARG_TYPE(argName, ['string', 'symbol'], name);
  }
}

function validateTarget(object) {
  if (typeof object !== 'function') validateObject(object, 'object');
}

class MockTracker {
  #mocks = [];

  fn(original = noop, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = noop;
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { times } = options;
    if (times !== undefined) validateInteger(times, 'options.times', 1);
    return this.#wrap(original, implementation, times, undefined);
  }

  #wrap(original, implementation, times, onRestore) {
    const ctx = new MockFunctionContext(implementation, original, times, onRestore);
    this.#mocks.push(ctx);
    return new Proxy(original, {
      __proto__: null,
      apply(fn, thisArg, args) {
        const impl = nextImplementation(ctx);
        let result;
        let error;
        try {
          result = Reflect.apply(impl, thisArg, args);
        } catch (e) {
          error = e;
          throw e;
        } finally {
          record(ctx, { __proto__: null, arguments: args, error, result, stack: new Error(), target: undefined, this: thisArg });
        }
        return result;
      },
      construct(fn, args, newTarget) {
        const impl = nextImplementation(ctx);
        let result;
        let error;
        try {
          result = Reflect.construct(impl, args, newTarget);
        } catch (e) {
          error = e;
          throw e;
        } finally {
          record(ctx, { __proto__: null, arguments: args, error, result, stack: new Error(), target: fn, this: result });
        }
        return result;
      },
      get(fn, key, receiver) {
        if (key === 'mock') return ctx;
        return Reflect.get(fn, key, receiver);
      },
    });
  }

  method(object, methodName, implementation = undefined, options = {}) {
    validateName(methodName, 'methodName');
    validateTarget(object);
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    if (implementation !== undefined) validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { getter = false, setter = false, times } = options;
    validateBoolean(getter, 'options.getter');
    validateBoolean(setter, 'options.setter');
    if (getter && setter) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.setter', setter, "cannot be used with 'options.getter'");
    }
    if (times !== undefined) validateInteger(times, 'options.times', 1);
    const descriptor = findDescriptor(object, methodName);
    let original;
    if (descriptor !== undefined) original = getter ? descriptor.get : setter ? descriptor.set : descriptor.value;
    if (typeof original !== 'function') {
      throw new codes.ERR_INVALID_ARG_VALUE('methodName', original, 'must be a method');
    }
    // Node puts the descriptor back on the object itself, also one found on a prototype.
    const restore = () => Object.defineProperty(object, methodName, descriptor);
    const mock = this.#wrap(original, implementation === undefined ? original : implementation, times, restore);
    const replaced = { configurable: descriptor.configurable, enumerable: descriptor.enumerable };
    if (getter) {
      replaced.get = mock;
      replaced.set = descriptor.set;
    } else if (setter) {
      replaced.get = descriptor.get;
      replaced.set = mock;
    } else {
      replaced.value = mock;
      replaced.writable = descriptor.writable;
    }
    Object.defineProperty(object, methodName, replaced);
    return mock;
  }

  getter(object, methodName, implementation = undefined, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    validateObject(options, 'options');
    if (options.getter === false) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.getter', false, 'cannot be false');
    }
    return this.method(object, methodName, implementation, { ...options, getter: true });
  }

  setter(object, methodName, implementation = undefined, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    validateObject(options, 'options');
    if (options.setter === false) {
      throw new codes.ERR_INVALID_ARG_VALUE('options.setter', false, 'cannot be false');
    }
    return this.method(object, methodName, implementation, { ...options, setter: true });
  }

  property(object, propertyName, value) {
    validateTarget(object);
    validateName(propertyName, 'propertyName');
    const descriptor = findDescriptor(object, propertyName);
    if (descriptor === undefined) {
      throw new codes.ERR_INVALID_ARG_VALUE('propertyName', propertyName, 'is not a property of the object');
    }
    const original = 'value' in descriptor ? descriptor.value : Reflect.get(object, propertyName);
    const restore = () => Object.defineProperty(object, propertyName, descriptor);
    const ctx = new MockPropertyContext(arguments.length > 2 ? value : original, original, restore);
    this.#mocks.push(ctx);
    Object.defineProperty(object, propertyName, {
      configurable: descriptor.configurable,
      enumerable: descriptor.enumerable,
      get: () => readProperty(ctx),
      set: (v) => writeProperty(ctx, v),
    });
    return new Proxy(object, {
      __proto__: null,
      get(target, key, receiver) {
        if (key === 'mock') return ctx;
        return Reflect.get(target, key, receiver);
      },
    });
  }

  reset() {
    this.restoreAll();
    this.#mocks = [];
  }

  restoreAll() {
    for (const ctx of this.#mocks) ctx.restore();
  }

  get timers() { return thrower('test.mock.timers')(); }
  module() { return thrower('test.mock.module')(); }
}

module.exports = { MockTracker };
