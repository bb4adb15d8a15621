'use strict';
// Node's error codes and messages. Each code is a class deriving from its base error type whose
// `name` reads like `TypeError` and whose `code` is the Node code, printed as `TypeError [CODE]`.

const messages = new Map();
// key -> [Base, others]: what each code's class derives from.
const bases = new Map();
// The classes made so far (or put in their place).
const made = new Map();

function formatMessage(key, args) {
  const msg = messages.get(key);
  if (typeof msg === 'function') return msg(...args);
  let i = 0;
  return msg.replace(/%[sdj]/g, () => String(args[i++]));
}

function makeNodeErrorWithCode(Base, key) {
  class NodeError extends Base {
    constructor(...args) {
      super(formatMessage(key, args));
      Object.defineProperty(this, 'code', { value: key, enumerable: true, writable: true, configurable: true });
      fixStack(this);
    }
    toString() { return `${this.name} [${key}]: ${this.message}`; }
  }
  // As in Node, an instance's constructor is the base type: `err.constructor === TypeError`.
  Object.defineProperty(NodeError.prototype, 'constructor', { value: Base, writable: true, configurable: true, enumerable: false });
  return NodeError;
}

// The table of codes (`internal/errors/codes`, which calls `E` for each) is loaded when a code
// is first asked for, and each class is made on its first use.
function E(key, msg, Base, ...others) {
  messages.set(key, msg);
  bases.set(key, [Base, others]);
}
let tableLoaded = false;
function table() {
  if (!tableLoaded) {
    tableLoaded = true;
    require('internal/errors/codes');
  }
  return bases;
}

function classFor(key) {
  let cls = made.get(key);
  if (cls === undefined && table().has(key)) {
    const [Base, others] = bases.get(key);
    cls = makeNodeErrorWithCode(Base, key);
    for (const Other of others) cls[Other.name] = makeNodeErrorWithCode(Other, key);
    made.set(key, cls);
  }
  return cls;
}

const codes = new Proxy({}, {
  get: (_, key) => (typeof key === 'string' ? classFor(key) : undefined),
  set(_, key, value) {
    made.set(key, value);
    return true;
  },
  has: (_, key) => table().has(key) || made.has(key),
  ownKeys: () => [...new Set([...table().keys(), ...made.keys()])],
  getOwnPropertyDescriptor: (_, key) => (table().has(key) || made.has(key) ?
    { value: classFor(key) ?? made.get(key), writable: true, enumerable: true, configurable: true } : undefined),
});

// `stack` must start with `Name [CODE]: message`, as Node prints it.
function fixStack(err) {
  if (err.code && typeof err.stack === 'string') {
    // The error class's own constructor is no frame of the caller's.
    if (err.stack.includes('\n    at new NodeError (node:internal/errors:')) {
      err.stack = err.stack.replace(/\n    at new NodeError \(node:internal\/errors:\d+:\d+\)/, '');
    }
    const head = `${err.name}: ${err.message}`;
    if (err.stack.startsWith(head)) err.stack = `${err.name} [${err.code}]: ${err.message}` + err.stack.slice(head.length);
    else if (!err.stack.startsWith(err.name)) err.stack = `${err.name} [${err.code}]: ${err.message}\n${err.stack}`;
  }
  return err;
}

function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const type = typeof value;
  if (type === 'function') return `function ${value.name}`;
  if (type === 'object') {
    if (value.constructor && value.constructor.name) return `an instance of ${value.constructor.name}`;
    return `${lazyInspect()(value, { depth: -1 })}`;
  }
  // A long string is cut to its first 25 characters before it is quoted; anything else is cut
  // after.
  if (type === 'string') {
    return `type string (${lazyInspect()(value.length > 28 ? `${value.slice(0, 25)}...` : value, { colors: false })})`;
  }
  let inspected = lazyInspect()(value, { colors: false });
  if (inspected.length > 28) inspected = `${inspected.slice(0, 25)}...`;
  return `type ${type} (${inspected})`;
}

let inspectModule;
function lazyInspect() {
  inspectModule ??= require('internal/util/inspect');
  return inspectModule.inspect;
}
function addNumericalSeparator(val) {
  lazyInspect();
  return inspectModule.addNumericalSeparator(val);
}


// A function standing in for an API moat does not implement: calling it throws
// ERR_NOT_IMPLEMENTED naming the API.
function thrower(name) {
  const fn = function () { throw new codes.ERR_NOT_IMPLEMENTED(name); };
  Object.defineProperty(fn, 'name', { value: name.split('.').pop() });
  return fn;
}

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// ERR_SYSTEM_ERROR: a system call failed where Node reports it through its own error class rather
// than as a plain errno error (os.getPriority, os.userInfo …). `ctx` is { code, errno (negative),
// message, syscall, path?, dest? }; `info` keeps it, and errno/syscall/path/dest read through it.
class SystemError extends Error {
  constructor(ctx) {
    let message = `A system error occurred: ${ctx.syscall} returned ${ctx.code} (${ctx.message})`;
    if (ctx.path !== undefined) message += ` ${ctx.path}`;
    if (ctx.dest !== undefined) message += ` => ${ctx.dest}`;
    super(message);
    Object.defineProperty(this, 'code', { value: 'ERR_SYSTEM_ERROR', enumerable: true, writable: true, configurable: true });
    Object.defineProperty(this, 'name', { value: 'SystemError', writable: true, configurable: true });
    Object.defineProperty(this, 'info', { value: ctx, enumerable: true, writable: true, configurable: true });
    for (const key of ['errno', 'syscall', 'path', 'dest']) {
      if (key !== 'errno' && key !== 'syscall' && ctx[key] === undefined) continue;
      Object.defineProperty(this, key, {
        get() { return ctx[key]; },
        set(value) { ctx[key] = value; },
        enumerable: true,
        configurable: true,
      });
    }
    fixStack(this);
  }
  toString() { return `${this.name} [${this.code}]: ${this.message}`; }
}

// The SystemError for an errno error from a binding (one with `code`, `errno` and `syscall`).
function systemErrorFrom(err) {
  if (err === null || typeof err !== 'object' || typeof err.errno !== 'number') return err;
  const { getSystemErrorMessage } = require('util');
  return new SystemError({ errno: err.errno, code: err.code, message: getSystemErrorMessage(err.errno), syscall: err.syscall });
}

// An error OpenSSL raises, as Node shows it: `error:<packed code>:<library>::<reason>`, with its
// parts as properties.
function opensslError(packed, library, reason, code) {
  const err = new Error(`error:${packed}:${library}::${reason}`);
  err.library = library;
  err.reason = reason;
  err.code = code;
  return err;
}

module.exports = { codes, opensslError, AbortError, SystemError, systemErrorFrom, fixStack, thrower, E, determineSpecificType, lazyInspect, addNumericalSeparator };
