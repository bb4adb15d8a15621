'use strict';
// V8's stack-trace API on QuickJS-ng. The engine provides Error.captureStackTrace,
// Error.stackTraceLimit and Error.prepareStackTrace with CallSite objects; this makes the
// default `err.stack` read like V8's (`Name: message` then `    at fn (file:line:col)` lines),
// keeps `Error.prepareStackTrace` undefined until user code sets it, and completes the
// CallSite methods npm packages call.

// Files compiled inside the CommonJS wrapper: their line-1 columns include the wrapper.
const wrappedFiles = new Set();
// The compiled CommonJS wrappers: their frames read `Object.<anonymous>`, as in Node.
const moduleWrappers = new WeakSet();

// The formatting and the V8 wording (`internal/error_stack/format`) load with the first error.
let formatModule;
const format = () => (formatModule ??= require('internal/error_stack/format'));

// V8 renders `err.stack` when it is first read, so a `name` or `message` changed after
// construction shows in it, and `Error.prepareStackTrace` applies as it is at that moment.
// QuickJS-ng prepares the stack at construction; a LazyStack keeps the call sites until then.
class LazyStack {
  constructor(sites) {
    this.sites = sites;
    this.rendered = false;
    this.value = undefined;
  }
}

function setup() {
  const native = Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace');
  const nativeStack = Object.getOwnPropertyDescriptor(Error.prototype, 'stack');
  const nativeCapture = Error.captureStackTrace;
  // What user code stored in Error.prepareStackTrace; until it stores one, the default.
  let user;
  let userSet = false;
  let sawSites = false;
  let capturing = false;
  const current = () => (userSet ? user : format().ErrorPrepareStackTrace);
  const render = (err, sites) => {
    const fn = current();
    return (typeof fn === 'function' ? fn : format().ErrorPrepareStackTrace)(err, sites);
  };
  const prepare = function prepareStackTrace(err, sites) {
    const f = format();
    if (!sawSites && sites.length > 0) {
      sawSites = true;
      f.completeCallSite(Object.getPrototypeOf(sites[0]));
    }
    f.translateEngineMessage(err, sites);
    // captureStackTrace stores a plain own property: render it now.
    if (capturing) return render(err, sites);
    return new LazyStack(sites);
  };
  if (!native || typeof native.set !== 'function' || !nativeStack || typeof nativeStack.get !== 'function') return;
  native.set.call(Error, prepare);
  Object.defineProperty(Error, 'prepareStackTrace', {
    configurable: true,
    enumerable: false,
    get() { return current(); },
    set(v) { user = v; userSet = true; },
  });
  Object.defineProperty(Error, 'captureStackTrace', {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function captureStackTrace(obj, fn) {
      capturing = true;
      try {
        return fn === undefined ? nativeCapture(obj) : nativeCapture(obj, fn);
      } finally {
        capturing = false;
      }
    },
  });
  Object.defineProperty(Error.prototype, 'stack', {
    configurable: true,
    enumerable: false,
    get() {
      const v = nativeStack.get.call(this);
      if (!(v instanceof LazyStack)) return v;
      if (!v.rendered) {
        v.rendered = true;
        v.value = render(this, v.sites);
        v.sites = undefined;
      }
      return v.value;
    },
    // Like V8, any value may be stored, as an own property.
    set(value) {
      Object.defineProperty(this, 'stack', { value, writable: true, configurable: true, enumerable: false });
    },
  });
  if (Error.stackTraceLimit === undefined) Error.stackTraceLimit = 10;
}

// For an engine error raised with no JavaScript running (so never given a stack), such as a
// failed link of the entry module: puts its message in Node's words.
function explainStacklessError(err) {
  format().explainStacklessError(err);
}

module.exports = { setup, wrappedFiles, moduleWrappers, explainStacklessError };
