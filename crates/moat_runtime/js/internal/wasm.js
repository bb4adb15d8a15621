'use strict';
// `WebAssembly`'s JS half: the JS API (Module, Instance, Memory, Table, Global, the error types,
// validate/compile/instantiate and their streaming forms) over the handles of
// internalBinding('wasm') (src/modules/wasm.rs), and the instantiation of a `.wasm` file the ES
// module loader imports. Values cross into wasm here, converted to their wasm types as the JS
// API specifies (ToInt32, ToBigInt64, …); the Rust half only checks and stores them.

const binding = internalBinding('wasm');

const handles = new WeakMap();      // API object or exported function -> handle
const kinds = new WeakMap();        // API object -> 'module', 'instance', 'memory', 'table', 'global'
const byKey = new Map();            // handle key -> its JS object (one per wasm object)
const globalTypes = new WeakMap();  // Global -> [type, mutable]

// CompileError, LinkError, RuntimeError: Error subclasses that, as Error, may be called
// without `new`.
function defineErrorClass(name) {
  const ctor = {
    [name]: function(message, options) {
      return Reflect.construct(Error, [message, options], new.target ?? ctor);
    },
  }[name];
  const proto = Object.create(Error.prototype);
  Object.defineProperty(proto, 'constructor', { value: ctor, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(proto, 'name', { value: name, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(ctor, 'prototype', { value: proto, writable: false, configurable: false, enumerable: false });
  Object.setPrototypeOf(ctor, Error);
  return ctor;
}
const CompileError = defineErrorClass('CompileError');
const LinkError = defineErrorClass('LinkError');
const RuntimeError = defineErrorClass('RuntimeError');

function describe(v) {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'symbol') return v.toString();
  return String(v);
}

function toNumber(v) {
  if (typeof v === 'bigint') throw new TypeError('Cannot convert a BigInt value to a number');
  return +v;
}

// ToWebAssemblyValue: a JS value as the JS form of a wasm value of type `t`.
function toWasm(t, v) {
  switch (t) {
    case 'i32': return toNumber(v) | 0;
    case 'f32': return Math.fround(toNumber(v));
    case 'f64': return toNumber(v);
    case 'i64': {
      if (typeof v === 'object' && v !== null || typeof v === 'function') v = v[Symbol.toPrimitive] ? v[Symbol.toPrimitive]('number') : v.valueOf();
      if (typeof v === 'number') throw new TypeError(`Cannot convert ${describe(v)} to a BigInt`);
      if (typeof v === 'undefined' || v === null || typeof v === 'symbol') throw new TypeError(`Cannot convert ${describe(v)} to a BigInt`);
      return BigInt.asIntN(64, BigInt(v));
    }
    case 'externref': return v;
    case 'anyfunc':
    case 'funcref': {
      if (v === null) return null;
      const h = typeof v === 'function' ? handles.get(v) : undefined;
      if (h === undefined) throw new TypeError('type incompatibility when transforming from/to JS');
      return h;
    }
    default: throw new TypeError('type incompatibility when transforming from/to JS');
  }
}

// The JS function of a wasm function: one per function, whichever way JS reaches it.
function wrapFunction(h, key, length, params, results, index) {
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const name = index === undefined ? '' : String(index);
  const fn = {
    [name](...args) {
      const converted = new Array(params.length);
      for (let i = 0; i < params.length; i++) converted[i] = toWasm(params[i], args[i]);
      return binding.call(h, converted);
    },
  }[name];
  Object.defineProperty(fn, 'length', { value: length });
  handles.set(fn, h);
  byKey.set(key, fn);
  return fn;
}

binding.setHooks({ wrapFunction, CompileError, LinkError, RuntimeError });

function handleOf(obj, kind, where) {
  if ((typeof obj === 'object' && obj !== null) && kinds.get(obj) === kind) return handles.get(obj);
  const names = { module: 'Module', instance: 'Instance', memory: 'Memory', table: 'Table', global: 'Global' };
  throw new TypeError(`${where}: Receiver is not a WebAssembly.${names[kind]}`);
}

function isKind(obj, kind) {
  return typeof obj === 'object' && obj !== null && kinds.get(obj) === kind;
}

// The bytes of a BufferSource, as a Uint8Array over them.
function bufferSource(source, where, argument = 0) {
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  if (typeof SharedArrayBuffer === 'function' && source instanceof SharedArrayBuffer) return new Uint8Array(source);
  throw new TypeError(`${where}: Argument ${argument} must be a buffer source`);
}

function adopt(obj, kind, h) {
  handles.set(obj, h);
  kinds.set(obj, kind);
  return obj;
}

// The API object of a memory, table or global the Rust half handed out.
function objectFor(kind, h) {
  const key = binding.key(h);
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const proto = { memory: Memory, table: Table, global: Global }[kind].prototype;
  const obj = adopt(Object.create(proto), kind, h);
  if (kind === 'global') globalTypes.set(obj, binding.globalType(h));
  byKey.set(key, obj);
  return obj;
}

function remember(obj) {
  byKey.set(binding.key(handles.get(obj)), obj);
  return obj;
}

// Installs an interface's members as the JS API's WebIDL does: methods and accessors
// enumerable, on the prototype and (for `statics`) on the constructor.
function defineInterface(Ctor, members, statics = {}) {
  for (const [target, source] of [[Ctor.prototype, members], [Ctor, statics]]) {
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(source))) {
      d.enumerable = true;
      Object.defineProperty(target, key, d);
    }
  }
}

function requireNew(target, name) {
  if (target === undefined) throw new TypeError(`WebAssembly.${name}(): WebAssembly.${name} must be invoked with 'new'`);
}

function compileModule(bytes, where) {
  const m = Object.create(Module.prototype);
  return adopt(m, 'module', binding.compile(bytes, where));
}

function Module(bytes) {
  requireNew(new.target, 'Module');
  adopt(this, 'module', binding.compile(bufferSource(bytes, 'WebAssembly.Module()'), 'WebAssembly.Module()'));
}
defineInterface(Module, {}, {
  imports(module) {
    const h = moduleArg(module, 'WebAssembly.Module.imports()');
    return binding.moduleImports(h).map(([module, name, kind]) => ({ module, name, kind }));
  },
  exports(module) {
    const h = moduleArg(module, 'WebAssembly.Module.exports()');
    return binding.moduleExports(h).map(([name, kind]) => ({ name, kind }));
  },
  customSections(module, sectionName) {
    const h = moduleArg(module, 'WebAssembly.Module.customSections()');
    if (sectionName === undefined) throw new TypeError('WebAssembly.Module.customSections(): Argument 1 is required');
    return binding.customSections(h, String(sectionName));
  },
});

function moduleArg(module, where) {
  if (!isKind(module, 'module')) throw new TypeError(`${where}: Argument 0 must be a WebAssembly.Module`);
  return handles.get(module);
}

// What each import of `module` gets from `importObject`, checked as the JS API's "read the
// imports" step checks it.
function readImports(h, importObject, where) {
  const imports = binding.moduleImports(h);
  if (importObject !== undefined && (importObject === null || (typeof importObject !== 'object' && typeof importObject !== 'function'))) {
    throw new TypeError(`${where}: Argument 1 must be an object`);
  }
  if (imports.length > 0 && importObject === undefined) {
    throw new TypeError(`${where}: Imports argument must be present and must be an object`);
  }
  const values = [];
  for (let i = 0; i < imports.length; i++) {
    const [mod, name, kind, a, b] = imports[i];
    const ns = importObject[mod];
    if (ns === null || (typeof ns !== 'object' && typeof ns !== 'function')) {
      throw new TypeError(`${where}: Import #${i} "${mod}": module is not an object or function`);
    }
    const v = ns[name];
    const fail = (msg) => new LinkError(`${where}: Import #${i} "${mod}" "${name}": ${msg}`);
    switch (kind) {
      case 'function': {
        if (typeof v !== 'function') throw fail('function import requires a callable');
        const own = handles.get(v);
        if (own !== undefined && kinds.get(v) === undefined) { values.push(own); break; }
        const results = b;
        values.push((args) => {
          const r = Reflect.apply(v, undefined, args);
          if (results.length === 0) return undefined;
          if (results.length === 1) return toWasm(results[0], r);
          if (r === null || (typeof r !== 'object' && typeof r !== 'function') || typeof r[Symbol.iterator] !== 'function') {
            throw new TypeError('multi-return value must be iterable');
          }
          const list = [...r];
          if (list.length !== results.length) throw new TypeError('multi-return length mismatch');
          return list.map((x, j) => toWasm(results[j], x));
        });
        break;
      }
      case 'global': {
        if (isKind(v, 'global')) { values.push(handles.get(v)); break; }
        const type = a, mutable = b;
        if (mutable) throw fail('imported mutable global must be a WebAssembly.Global object');
        if (type === 'i64' && typeof v !== 'bigint') throw fail('global import must be a BigInt value or WebAssembly.Global object');
        if ((type === 'i32' || type === 'f32' || type === 'f64') && typeof v !== 'number') {
          throw fail('global import must be a number, valid Wasm reference, or WebAssembly.Global object');
        }
        values.push(toWasm(type, v));
        break;
      }
      case 'memory':
        if (!isKind(v, 'memory')) throw fail('memory import must be a WebAssembly.Memory object');
        values.push(handles.get(v));
        break;
      case 'table':
        if (!isKind(v, 'table')) throw fail('table import requires a WebAssembly.Table');
        values.push(handles.get(v));
        break;
    }
  }
  return values;
}

// The exports object of an instance: frozen, without a prototype, in export order.
function exportsObject(inst, mh) {
  const out = { __proto__: null };
  for (const [name, kind, v] of binding.instanceExports(inst, mh)) {
    out[name] = kind === 'function' ? v : objectFor(kind, v);
  }
  return Object.freeze(out);
}

const instanceExports = new WeakMap();

function instantiateModule(module, importObject, where) {
  const mh = handles.get(module);
  const values = readImports(mh, importObject, where);
  const ih = binding.instantiate(mh, values, where);
  const inst = adopt(Object.create(Instance.prototype), 'instance', ih);
  instanceExports.set(inst, exportsObject(ih, mh));
  return inst;
}

function Instance(module, importObject) {
  requireNew(new.target, 'Instance');
  if (!isKind(module, 'module')) throw new TypeError('WebAssembly.Instance(): Argument 0 must be a WebAssembly.Module');
  const mh = handles.get(module);
  const values = readImports(mh, importObject, 'WebAssembly.Instance()');
  const ih = binding.instantiate(mh, values, 'WebAssembly.Instance()');
  adopt(this, 'instance', ih);
  instanceExports.set(this, exportsObject(ih, mh));
}
defineInterface(Instance, {
  get exports() {
    handleOf(this, 'instance', 'WebAssembly.Instance.exports');
    return instanceExports.get(this);
  },
});

// A descriptor's count property (`initial`, `maximum`, …) as the JS API reads it.
function descriptorCount(d, name, where, upper, required) {
  const v = d[name];
  if (v === undefined) {
    if (required) throw new TypeError(`${where}: Property '${name}' is required`);
    return undefined;
  }
  const n = Number(v);
  if (Number.isNaN(n) || !Number.isFinite(n) || n < 0) {
    throw new TypeError(`${where}: Property '${name}' must be convertible to a valid number`);
  }
  const whole = Math.trunc(n);
  if (whole > upper) throw new RangeError(`${where}: Property '${name}': value ${whole} is above the upper bound ${upper}`);
  return whole;
}

function argumentIndex(v, where, what) {
  const n = Number(v);
  if (Number.isNaN(n) || !Number.isFinite(n) || n < 0 || n > 0xffffffff) {
    throw new TypeError(`${where}: Argument 0 must be convertible to a valid number`);
  }
  return Math.trunc(n);
}

const kMaxPages = 65536;

function Memory(descriptor) {
  requireNew(new.target, 'Memory');
  const where = 'WebAssembly.Memory()';
  if (descriptor === null || typeof descriptor !== 'object') throw new TypeError(`${where}: Argument 0 must be a memory descriptor`);
  const initial = descriptorCount(descriptor, 'initial', where, kMaxPages, true);
  const maximum = descriptorCount(descriptor, 'maximum', where, kMaxPages, false);
  if (maximum !== undefined && maximum < initial) {
    throw new RangeError(`${where}: Property 'maximum': value ${maximum} is below the lower bound ${initial}`);
  }
  if (descriptor.shared) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_NOT_IMPLEMENTED('WebAssembly.Memory({ shared: true })');
  }
  adopt(this, 'memory', binding.memoryNew(initial, maximum));
  remember(this);
}
defineInterface(Memory, {
  grow(delta) {
    const h = handleOf(this, 'memory', 'WebAssembly.Memory.grow()');
    return binding.memoryGrow(h, argumentIndex(delta, 'WebAssembly.Memory.grow()'));
  },
  get buffer() {
    return binding.memoryBuffer(handleOf(this, 'memory', 'WebAssembly.Memory.buffer'));
  },
});

const kMaxTableSize = 10000000;

function elementDefault(element) {
  return element === 'externref' ? undefined : null;
}

function Table(descriptor, value) {
  requireNew(new.target, 'Table');
  const where = 'WebAssembly.Table()';
  if (descriptor === null || typeof descriptor !== 'object') throw new TypeError(`${where}: Argument 0 must be a table descriptor`);
  let element = String(descriptor.element);
  if (element === 'funcref') element = 'anyfunc';
  if (element !== 'anyfunc' && element !== 'externref') {
    throw new TypeError(`${where}: Descriptor property 'element' must be a WebAssembly reference type`);
  }
  const initial = descriptorCount(descriptor, 'initial', where, kMaxTableSize, true);
  const maximum = descriptorCount(descriptor, 'maximum', where, 0xffffffff, false);
  if (maximum !== undefined && maximum < initial) {
    throw new RangeError(`${where}: Property 'maximum': value ${maximum} is below the lower bound ${initial}`);
  }
  const init = toWasm(element, value === undefined ? elementDefault(element) : value);
  adopt(this, 'table', binding.tableNew(element, initial, maximum, init));
  remember(this);
}
defineInterface(Table, {
  get length() {
    return binding.tableSize(handleOf(this, 'table', 'WebAssembly.Table.length'));
  },
  get(index) {
    const where = 'WebAssembly.Table.get()';
    const h = handleOf(this, 'table', where);
    const i = argumentIndex(index, where);
    const size = binding.tableSize(h);
    if (i >= size) {
      const { element } = binding.tableType(h);
      throw new RangeError(`${where}: invalid address ${i} in ${element === 'anyfunc' ? 'funcref' : element} table of size ${size}`);
    }
    return binding.tableGet(h, i);
  },
  set(index, value) {
    const where = 'WebAssembly.Table.set()';
    const h = handleOf(this, 'table', where);
    const i = argumentIndex(index, where);
    const { element } = binding.tableType(h);
    const size = binding.tableSize(h);
    if (i >= size) {
      throw new RangeError(`${where}: invalid address ${i} in ${element === 'anyfunc' ? 'funcref' : element} table of size ${size}`);
    }
    let v;
    try {
      v = toWasm(element, arguments.length < 2 ? elementDefault(element) : value);
    } catch {
      throw new TypeError(`${where}: Argument 1 is invalid for table: function-typed object must be null (if nullable) or a Wasm function object`);
    }
    binding.tableSet(h, i, v);
  },
  grow(delta, value) {
    const where = 'WebAssembly.Table.grow()';
    const h = handleOf(this, 'table', where);
    const n = argumentIndex(delta, where);
    const { element } = binding.tableType(h);
    const v = toWasm(element, arguments.length < 2 ? elementDefault(element) : value);
    return binding.tableGrow(h, n, v);
  },
});

const kValueTypes = ['i32', 'i64', 'f32', 'f64', 'externref', 'anyfunc', 'funcref'];

function Global(descriptor, value) {
  requireNew(new.target, 'Global');
  const where = 'WebAssembly.Global()';
  if (descriptor === null || typeof descriptor !== 'object') throw new TypeError(`${where}: Argument 0 must be a global descriptor`);
  const mutable = Boolean(descriptor.mutable);
  let type = String(descriptor.value);
  if (!kValueTypes.includes(type)) throw new TypeError(`${where}: Descriptor property 'value' must be a WebAssembly type`);
  if (type === 'funcref') type = 'anyfunc';
  let v;
  if (value === undefined) {
    v = type === 'i64' ? 0n : type === 'externref' ? undefined : type === 'anyfunc' ? null : 0;
  } else {
    v = toWasm(type, value);
  }
  adopt(this, 'global', binding.globalNew(type, mutable, v));
  globalTypes.set(this, [type, mutable]);
  remember(this);
}
defineInterface(Global, {
  get value() {
    return binding.globalGet(handleOf(this, 'global', 'get WebAssembly.Global.value'));
  },
  set value(v) {
    const h = handleOf(this, 'global', 'set WebAssembly.Global.value');
    const [type, mutable] = globalTypes.get(this);
    if (!mutable) throw new TypeError("set WebAssembly.Global.value): Can't set the value of an immutable global.");
    binding.globalSet(h, toWasm(type, v));
  },
  valueOf() {
    return binding.globalGet(handleOf(this, 'global', 'WebAssembly.Global.valueOf()'));
  },
});

function Tag() {
  const { codes } = require('internal/errors');
  throw new codes.ERR_NOT_IMPLEMENTED('WebAssembly.Tag');
}

function Exception() {
  const { codes } = require('internal/errors');
  throw new codes.ERR_NOT_IMPLEMENTED('WebAssembly.Exception');
}

// %AbstractModuleSource%: what module source objects (a source phase import's result) inherit
// from; WebAssembly.Module's are the only ones.
function AbstractModuleSource() {
  throw new TypeError('Abstract class AbstractModuleSource not directly constructable');
}
Object.defineProperty(AbstractModuleSource.prototype, Symbol.toStringTag, {
  get: { get [Symbol.toStringTag]() { return isKind(this, 'module') ? 'WebAssembly.Module' : undefined; } }.__lookupGetter__(Symbol.toStringTag),
  configurable: true,
});
Object.setPrototypeOf(Module.prototype, AbstractModuleSource.prototype);
Object.setPrototypeOf(Module, AbstractModuleSource);

for (const [cls, tag] of [[Module, 'Module'], [Instance, 'Instance'], [Memory, 'Memory'], [Table, 'Table'], [Global, 'Global'], [Tag, 'Tag'], [Exception, 'Exception']]) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: `WebAssembly.${tag}`, configurable: true });
}

function validate(bytes) {
  return binding.validate(bufferSource(bytes, 'WebAssembly.validate()'));
}

function compile(bytes) {
  try {
    const b = bufferSource(bytes, 'WebAssembly.compile()');
    // The bytes are read now, as the API requires; the promise settles on a later turn.
    const m = compileModule(b, 'WebAssembly.compile()');
    return Promise.resolve().then(() => m);
  } catch (e) {
    return Promise.reject(e);
  }
}

function instantiate(source, importObject) {
  const where = 'WebAssembly.instantiate()';
  if (isKind(source, 'module')) {
    return Promise.resolve().then(() => instantiateModule(source, importObject, where));
  }
  let m;
  try {
    m = compileModule(bufferSource(source, where), where);
  } catch (e) {
    if (e instanceof TypeError && !isKind(source, 'module') && !ArrayBuffer.isView(source) && !(source instanceof ArrayBuffer)) {
      return Promise.reject(new TypeError(`${where}: Argument 0 must be a buffer source or a WebAssembly.Module object`));
    }
    return Promise.reject(e);
  }
  return Promise.resolve().then(() => ({ module: m, instance: instantiateModule(m, importObject, where) }));
}

// The bytes of a Response (or a promise of one) for the streaming forms, checked as the
// WebAssembly Web API asks: status ok, `application/wasm`, a body not yet used.
async function responseBytes(source) {
  const { codes } = require('internal/errors');
  const response = await source;
  const { Response } = require('internal/fetch');
  if (!(response instanceof Response)) {
    throw new codes.ERR_INVALID_ARG_TYPE('source', ['Response', 'Promise resolving to Response'], response);
  }
  const type = response.headers.get('Content-Type');
  if (type === null || type.toLowerCase() !== 'application/wasm') {
    throw new codes.ERR_WEBASSEMBLY_RESPONSE(`has unsupported MIME type '${type}'`);
  }
  if (!response.ok) throw new codes.ERR_WEBASSEMBLY_RESPONSE(`has status code ${response.status}`);
  if (response.bodyUsed !== false) throw new codes.ERR_WEBASSEMBLY_RESPONSE('body has already been used');
  return new Uint8Array(await response.arrayBuffer());
}

async function compileStreaming(source) {
  return compileModule(await responseBytes(source), 'WebAssembly.compileStreaming()');
}

async function instantiateStreaming(source, importObject) {
  const where = 'WebAssembly.instantiateStreaming()';
  const m = compileModule(await responseBytes(source), where);
  return { module: m, instance: instantiateModule(m, importObject, where) };
}

const WebAssembly = {};
const methods = { compile, validate, instantiate };
for (const name of Object.keys(methods)) {
  Object.defineProperty(WebAssembly, name, { value: methods[name], writable: true, configurable: true, enumerable: true });
}
for (const [name, value] of Object.entries({ Module, Instance, Table, Memory, Global, Tag, Exception, CompileError, LinkError, RuntimeError })) {
  Object.defineProperty(WebAssembly, name, { value, writable: true, configurable: true, enumerable: false });
}
for (const [name, value] of Object.entries({ compileStreaming, instantiateStreaming })) {
  Object.defineProperty(WebAssembly, name, { value, writable: true, configurable: true, enumerable: true });
}
Object.defineProperty(WebAssembly, Symbol.toStringTag, { value: 'WebAssembly', configurable: true });

// ---- ES module integration: `import { f } from './m.wasm'` --------------------------------

// Names a wasm module may not use: the JS API reserves `wasm:`/`wasm-js:` for builtins. The
// messages are node's (an import's name is reported by its module's).
function checkReservedNames(h, url) {
  for (const [name] of binding.moduleExports(h)) {
    if (name.startsWith('wasm:') || name.startsWith('wasm-js:')) {
      throw new LinkError(`Invalid Wasm export name "${name}" in ${url}`);
    }
  }
  for (const [mod, name] of binding.moduleImports(h)) {
    if (mod.startsWith('wasm-js:')) throw new LinkError(`Invalid Wasm import "${mod}" in ${url}`);
    if (name.startsWith('wasm:') || name.startsWith('wasm-js:')) {
      throw new LinkError(`Invalid Wasm import name "${mod}" in ${url}`);
    }
  }
}

// The exported Global objects of each wasm module the loader instantiated, by its namespace:
// a wasm module importing a global from another gets the Global itself, as node does.
const namespaceGlobals = new WeakMap();
let warned = false;

// Compiles a `.wasm` file for the loader: its import specifiers (each once, in order) and export
// names, and a function that instantiates it once its imports' namespaces are known.
function esmModule(bytes, url) {
  if (!warned) {
    warned = true;
    process.emitWarning('Importing WebAssembly module instances is an experimental feature and might change at any time', 'ExperimentalWarning');
  }
  const { fileURLToPath } = require('internal/url');
  const m = compileModule(bytes, `${url.startsWith('file:') ? fileURLToPath(url) : url}: WebAssembly.Module()`);
  const h = handles.get(m);
  checkReservedNames(h, url);
  const imports = binding.moduleImports(h);
  const specifiers = [];
  for (const [mod] of imports) if (!specifiers.includes(mod)) specifiers.push(mod);
  const exportNames = binding.moduleExports(h).map(([name]) => name);
  function instantiateWith(namespaces, self) {
    const importObject = { __proto__: null };
    for (let i = 0; i < specifiers.length; i++) {
      const ns = namespaces[i];
      const globals = namespaceGlobals.get(ns);
      const view = { __proto__: null };
      for (const [mod, name, kind] of imports) {
        if (mod !== specifiers[i]) continue;
        view[name] = kind === 'global' && globals !== undefined && globals[name] !== undefined ? globals[name] : ns[name];
      }
      importObject[specifiers[i]] = view;
    }
    const inst = instantiateModule(m, importObject, 'WebAssembly.Instance()');
    const exports = instanceExports.get(inst);
    // Exported globals become their values (not live bindings), as in node.
    const values = { __proto__: null };
    const globals = { __proto__: null };
    for (const name of exportNames) {
      const v = exports[name];
      if (isKind(v, 'global')) {
        globals[name] = v;
        values[name] = globalTypes.get(v)[0] === 'v128' ? undefined : v.value;
      } else {
        values[name] = v;
      }
    }
    namespaceGlobals.set(self, globals);
    return values;
  }
  return { specifiers, exportNames, instantiate: instantiateWith };
}

// The source phase of a `.wasm` file (`import source m from './x.wasm'`): compiled only.
function sourceModule(bytes, url) {
  const { fileURLToPath } = require('internal/url');
  return compileModule(bytes, `${url.startsWith('file:') ? fileURLToPath(url) : url}: WebAssembly.Module()`);
}

module.exports = { WebAssembly, esmModule, sourceModule };
