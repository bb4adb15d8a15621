'use strict';
// node:vm — scripts compiled (a syntax error is thrown at compile time) and run in this
// context, in a new one (runInNewContext: a fresh realm seeded from the sandbox object, whose
// globals are copied back to it when the script ends) or in a context made by createContext
// (a realm kept for that object: before each run the object's properties are copied onto the
// realm's global, and after it the global's own variables back), and functions compiled from
// source. measureMemory and V8's code cache are not implemented and say so.

const { codes, thrower } = require('internal/errors');
const { validateString, validateObject, validateArray } = require('internal/validators');

const loader = internalBinding('loader');

function filenameOf(options, fallback) {
  if (typeof options === 'string') return options;
  if (options === undefined || options === null) return fallback;
  validateObject(options, 'options');
  if (options.filename === undefined) return fallback;
  validateString(options.filename, 'options.filename');
  return options.filename;
}

// Limits on a run (a timeout, stopping on Ctrl-C) are not implemented: a script given one fails
// rather than run without it.
function unsupported(options) {
  if (typeof options !== 'object' || options === null) return;
  if (options.timeout !== undefined) throw new codes.ERR_NOT_IMPLEMENTED('the timeout option of vm');
  if (options.breakOnSigint) throw new codes.ERR_NOT_IMPLEMENTED('the breakOnSigint option of vm');
}

class Script {
  #code;
  #filename;

  constructor(code, options = {}) {
    this.#code = `${code}`;
    this.#filename = filenameOf(options, 'evalmachine.<anonymous>');
    loader.checkScript(this.#code, this.#filename);
  }

  runInThisContext(options) {
    if (options !== undefined && options !== null) {
      validateObject(options, 'options');
      unsupported(options);
    }
    return loader.evalScript(this.#code, this.#filename);
  }

  runInNewContext(contextObject, options) {
    return runInFreshContext(this.#code, this.#filename, contextObject, options);
  }

  runInContext(contextifiedObject, options) {
    if (options !== undefined && options !== null) {
      validateObject(options, 'options');
      unsupported(options);
    }
    return runInRealm(this.#code, contextifiedObject);
  }

  get cachedDataRejected() { return undefined; }
}
for (const name of ['createCachedData']) {
  Object.defineProperty(Script.prototype, name, {
    value: thrower(`vm.Script.prototype.${name}`), writable: true, configurable: true, enumerable: false,
  });
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInThisContext(code, options) {
  unsupported(options);
  return new Script(code, options).runInThisContext();
}

function runInFreshContext(code, filename, contextObject, options) {
  if (contextObject === undefined) contextObject = {};
  else validateObject(contextObject, 'object', { allowArray: true, allowFunction: true });
  if (options !== undefined && options !== null && typeof options === 'object') {
    validateObject(options, 'options');
    unsupported(options);
    if (options.contextName !== undefined) validateString(options.contextName, 'options.contextName');
  }
  return internalBinding('vm').runInNewContext(code, filename, contextObject);
}

function runInNewContext(code, contextObject, options) {
  const script = new Script(code, options);
  return script.runInNewContext(contextObject, typeof options === 'string' ? undefined : options);
}

function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  validateArray(params, 'params');
  params.forEach((p, i) => validateString(p, `params[${i}]`));
  validateObject(options, 'options');
  if (options.parsingContext !== undefined || options.contextExtensions !== undefined) {
    throw new codes.ERR_NOT_IMPLEMENTED('vm.compileFunction in another context');
  }
  const filename = filenameOf(options, '');
  // The body keeps its own lines: the header is on the line before it.
  return loader.evalScript(`(function (${params.join(', ')}) {\n${code}\n})`, filename);
}

// contextified object -> { global: the realm's global object, builtins: its own names at first }.
const contexts = new WeakMap();

function isContext(object) {
  validateObject(object, 'object', { allowArray: true, allowFunction: true });
  return contexts.has(object);
}

function createContext(contextObject = {}, options = undefined) {
  if (contextObject !== undefined && contextObject !== null && contexts.has(contextObject)) return contextObject;
  validateObject(contextObject, 'contextObject', { allowArray: true, allowFunction: true });
  if (options !== undefined) {
    validateObject(options, 'options');
    if (options.name !== undefined) validateString(options.name, 'options.name');
    if (options.microtaskMode !== undefined && options.microtaskMode !== 'afterEvaluate') {
      throw new codes.ERR_INVALID_ARG_VALUE('options.microtaskMode', options.microtaskMode, "must be 'afterEvaluate' or undefined");
    }
  }
  const global = internalBinding('vm').newRealmGlobal();
  contexts.set(contextObject, { global, builtins: new Set(Object.getOwnPropertyNames(global)) });
  return contextObject;
}

function runInRealm(code, contextifiedObject) {
  const realm = contextifiedObject !== null && typeof contextifiedObject === 'object' ? contexts.get(contextifiedObject) : undefined;
  if (realm === undefined) {
    throw new codes.ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  }
  const { global, builtins } = realm;
  for (const key of Object.getOwnPropertyNames(contextifiedObject)) global[key] = contextifiedObject[key];
  // The realm's own eval, called indirectly, runs the code as that realm's global code.
  const evalInRealm = global.eval;
  try {
    return evalInRealm(code);
  } finally {
    for (const key of Object.getOwnPropertyNames(global)) {
      if (!builtins.has(key) || Object.prototype.hasOwnProperty.call(contextifiedObject, key)) {
        contextifiedObject[key] = global[key];
      }
    }
  }
}

function runInContext(code, contextifiedObject, options) {
  const script = new Script(code, options);
  return script.runInContext(contextifiedObject, typeof options === 'string' ? undefined : options);
}

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory: thrower('vm.measureMemory'),
  constants: {
    __proto__: null,
    USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
    DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
  },
};
