'use strict';
// CommonJS: Module, require, the module wrapper, require.cache, and bridges to ES modules.
// Resolution itself is Rust (`loader` binding), following Node's algorithm.

const loader = internalBinding('loader');
const fsb = internalBinding('fs');
// node:path loads when a path needs it: the file names resolution gives are plain absolute
// paths, whose directory and base names are cuts at the last slash.
let pathModule;
const path = () => (pathModule ??= require('path'));
// Absolute, with no empty, `.` or `..` segment and no trailing slash.
const isPlainAbsolute = (p) => p.length > 1 && p[0] === '/' && !p.endsWith('/') && !/\/\.{0,2}(?:\/|$)/.test(p);
function dirnameOf(p) {
  return isPlainAbsolute(p) ? p.slice(0, p.lastIndexOf('/')) || '/' : path().dirname(p);
}
function basenameOf(p) {
  return isPlainAbsolute(p) ? p.slice(p.lastIndexOf('/') + 1) : path().basename(p);
}
// A plain base name's extension starts at its last dot, unless that dot leads the name.
function extnameOf(p) {
  if (!isPlainAbsolute(p)) return path().extname(p);
  const base = basenameOf(p);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}
// `path.resolve(dir, name)` for a plain absolute `dir` and a relative `name` of plain segments.
function under(dir, name) {
  return isPlainAbsolute(dir) ? `${dir}/${name}` : path().resolve(dir, name);
}
// Loaded with the first error: a program whose requires all succeed never needs them.
const errorCodes = () => require('internal/errors').codes;
// The check is inline; internal/validators loads only to throw for a bad value.
function validateString(value, name) {
  if (typeof value !== 'string') require('internal/validators').validateString(value, name);
}
const { wrappedFiles, moduleWrappers } = require('internal/error_stack');
const current = require('internal/process/current');

const builtinIds = loader.builtinModules();
// Node 24 lists every built-in, the `node:`-only ones with their prefix.
const builtinModules = [...builtinIds].sort();
const prefixOnly = builtinIds.filter((id) => id.startsWith('node:'));

function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  if (prefixOnly.includes(id)) return true;
  const bare = id.startsWith('node:') ? id.slice(5) : id;
  return builtinIds.includes(bare);
}

function Module(id = '', parent) {
  this[kParent] = parent;
  this.id = id;
  this.path = dirnameOf(id);
  Object.defineProperty(this, 'exports', { value: {}, writable: true, enumerable: true, configurable: true });
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

function updateChildren(parent, child, scan) {
  const children = parent && parent.children;
  if (children && !(scan && children.includes(child))) children.push(child);
}

// `module.parent`: the first module that required this one (null for the entry point).
// DEP0144, under --pending-deprecation.
let parentWarned = false;
function warnParent() {
  if (!parentWarned && require('internal/options').hasFlag('--pending-deprecation')) {
    parentWarned = true;
    process.emitWarning('module.parent is deprecated due to accuracy issues. Please use require.main to find ' +
      'program entry point instead.', 'DeprecationWarning', 'DEP0144');
  }
}
Object.defineProperty(Module.prototype, 'parent', {
  get() { warnParent(); return this[kParent]; },
  set(v) { warnParent(); this[kParent] = v; },
  configurable: true,
  enumerable: false,
});

Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.globalPaths = [];

// The folders searched after every node_modules: NODE_PATH's entries, ~/.node_modules,
// ~/.node_libraries and <prefix>/lib/node, as Node computes them at start-up.
Module._initPaths = function _initPaths() {
  // From `process.env` when a program calls it; at start-up, from where `process.env` comes
  // from, without building `process`.
  const p = current.peek();
  const b = internalBinding('process');
  const env = (name) => (p !== undefined ? p.env[name] : b.envVar(name));
  const home = env('HOME');
  const nodePath = env('NODE_PATH');
  const prefix = dirnameOf(dirnameOf(p !== undefined ? p.execPath : b.execPath));
  let paths = [prefix === '/' ? '/lib/node' : under(prefix, 'lib/node')];
  if (home) paths = [under(home, '.node_modules'), under(home, '.node_libraries'), ...paths];
  if (nodePath) paths = nodePath.split(':').filter(Boolean).concat(paths);
  Module.globalPaths = paths;
};
Module.builtinModules = Object.freeze(builtinModules);
Module.isBuiltin = isBuiltin;
Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
Module.wrap = (script) => `${Module.wrapper[0]}${script}${Module.wrapper[1]}`;
const [kWrapperHead, kWrapperTail] = Module.wrapper;
const kDefaultWrap = Module.wrap;
// Code that patches `Module.wrapper` or `Module.wrap` (an old way to instrument every module)
// gets its wrapper used.
const wrapperPatched = () => Module.wrap !== kDefaultWrap ||
  Module.wrapper[0] !== kWrapperHead || Module.wrapper[1] !== kWrapperTail;

Module._nodeModulePaths = function _nodeModulePaths(from) {
  return loader.nodeModulePaths(isPlainAbsolute(from) ? from : path().resolve(from));
};

// 0 for a file, 1 for a directory, a negative errno when neither (Node's internal contract).
Module._stat = function _stat(filename) {
  const st = fsb.stat(`${filename}`, true, false);
  if (st === undefined || st === null) return -2;
  return (st[1] & 0o170000) === 0o040000 ? 1 : 0;
};

// The folders a request is looked up in, or null for a built-in.
Module._resolveLookupPaths = function _resolveLookupPaths(request, parent) {
  if (isBuiltin(request)) return null;
  if (request.startsWith('./') || request.startsWith('../') || request === '.' || request === '..' || request.startsWith('/')) {
    return [parent && parent.filename ? dirnameOf(parent.filename) : '.'];
  }
  const fromParent = parent && parent.paths ? parent.paths : [];
  return [...fromParent, ...Module.globalPaths];
};

Module._resolveFilename = function _resolveFilename(request, parent, isMain, options) {
  let paths;
  if (options && options.paths) {
    if (!Array.isArray(options.paths)) throw new (errorCodes()).ERR_INVALID_ARG_VALUE('options.paths', options.paths, 'is invalid');
    paths = options.paths.map((p) => path().resolve(p));
  }
  const parentFile = parent && parent.filename ? parent.filename : null;
  try {
    const r = loader.resolveRequire(request, parentFile, paths ?? null, Object.keys(Module._extensions),
      Module.globalPaths, options && Array.isArray(options.conditions) ? options.conditions : undefined);
    // A built-in comes back as it was asked for: `node:fs` for `node:fs`, `fs` for `fs`.
    return r.startsWith('node:') ? (prefixOnly.includes(r) || request.startsWith('node:') ? r : r.slice(5)) : r;
  } catch (err) {
    // `require.resolve('node:nope')` finds no module; `require('node:nope')` says there is no
    // such built-in (`Module._load` checks that first).
    if (err && (err.code === 'MODULE_NOT_FOUND' || err.code === 'ERR_UNKNOWN_BUILTIN_MODULE')) {
      if (err.code === 'ERR_UNKNOWN_BUILTIN_MODULE') err.message = `Cannot find module '${request}'`;
      const requireStack = [];
      for (let cursor = parent; cursor; cursor = cursor[kParent]) requireStack.push(cursor.filename || cursor.id);
      let message = err.message;
      if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
      const e = new Error(message);
      e.code = 'MODULE_NOT_FOUND';
      e.requireStack = requireStack;
      throw e;
    }
    if (err && typeof err.code === 'string' && err.code.startsWith('ERR_')) require('internal/errors').fixStack(err);
    throw err;
  }
};
const kParent = Symbol('parent');
// Set on a module while require() evaluates it as an ES module (require(esm)).
const kEvaluatingEsm = Symbol('evaluatingEsm');
let evaluatingEsm = 0;

// Node's error for a require(esm) that comes back to a module still on its way in.
function requireCycleError(message) {
  const e = new Error(message);
  e.code = 'ERR_REQUIRE_CYCLE_MODULE';
  return require('internal/errors').fixStack(e);
}

function requireBuiltinPublic(id) {
  return require(id);
}

Module._load = function _load(request, parent, isMain) {
  // A built-in asked for without `node:` may be replaced through require.cache, as in Node.
  if (!request.startsWith('node:') && isBuiltin(request)) {
    const replaced = Module._cache[request];
    if (replaced !== undefined) return replaced.exports;
  }
  if (moduleHooks !== undefined && moduleHooks.active()) return loadWithHooks(request, parent, isMain);
  if (request.startsWith('node:') && !isBuiltin(request)) {
    const e = new Error(`No such built-in module: ${request}`);
    e.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
    throw require('internal/errors').fixStack(e);
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  if (isBuiltin(filename) && !filename.startsWith('/')) return requireBuiltinPublic(filename);
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    updateChildren(parent, cached, true);
    if (!cached.loaded && cached[kEvaluatingEsm]) {
      const from = parentFilename(cached);
      throw requireCycleError(`Cannot require() ES Module ${filename} in a cycle.${from ? ` (from ${from})` : ''}`);
    }
    if (!cached.loaded) return exportsForCircularRequire(cached);
    return cached.exports;
  }
  const module = new Module(filename, parent);
  module[kParent] = parent;
  if (isMain) {
    current.assign('mainModule', module);
    module.id = '.';
    Module._mainModule = module;
  }
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) delete Module._cache[filename];
  }
  const exports = module.exports;
  if (circularWarningProxy !== undefined && isPlainExports(exports) === circularWarningProxy) {
    Object.setPrototypeOf(exports, Object.prototype);
  }
  return exports;
};

// Module customization hooks (`internal/modules/hooks`), once `module.registerHooks` loads them.
let moduleHooks;
function useHooks(hooks) {
  moduleHooks = hooks;
}
const hooksActive = () => moduleHooks !== undefined && moduleHooks.active();

// Resolution for require() through the resolve hooks: `{ url, format, filename }`, where the
// filename is a file's path, a built-in's id as `require` names it, or any other URL as it is.
function resolveWithHooks(request, parent, isMain, options) {
  const parentURL = parent && parent.filename ? moduleHooks.nameToURL(parent.filename) : undefined;
  const context = { conditions: moduleHooks.conditionsFor('require'), importAttributes: undefined, parentURL };
  const result = moduleHooks.resolveWithHooks(request, context, (spec, ctx) => {
    validateString(spec, 'specifier');
    if (spec.startsWith('node:') && !isBuiltin(spec)) {
      const e = new Error(`No such built-in module: ${spec}`);
      e.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
      throw require('internal/errors').fixStack(e);
    }
    const conditions = moduleHooks.changedConditions(ctx.conditions, 'require');
    const opts = conditions === undefined ? options : { ...options, conditions };
    const filename = Module._resolveFilename(spec, parent, isMain, opts);
    if (isBuiltin(filename) && !filename.startsWith('/')) {
      return { url: filename.startsWith('node:') ? filename : `node:${filename}`,
        format: spec.startsWith('node:') ? 'builtin' : undefined, importAttributes: undefined };
    }
    return { url: moduleHooks.nameToURL(filename), format: undefined, importAttributes: undefined };
  });
  const u = result.url;
  let filename;
  if (u.startsWith('node:') && isBuiltin(u)) filename = prefixOnly.includes(u) ? u : u.slice(5);
  else filename = moduleHooks.urlToName(u);
  return { url: u, format: result.format, filename };
}

// The format require() gives a file before loading it, as load hooks are told.
function requireFormat(filename) {
  if (!filename.startsWith('/')) return undefined;
  const f = loader.format(filename);
  return f === 'ambiguous' ? undefined : f;
}

function defaultRequireLoad(u, context) {
  if (u.startsWith('node:')) {
    if (!isBuiltin(u)) {
      const e = new Error(`No such built-in module: ${u}`);
      e.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
      throw require('internal/errors').fixStack(e);
    }
    return { format: 'builtin', source: null };
  }
  const file = u.startsWith('file:') ? moduleHooks.urlToName(u) : u;
  return { format: context.format, source: fsb.readFileUtf8(file) };
}

// `Module._load` while hooks are registered: resolve and load go through them; a module they
// change is compiled from the source and format they give.
function loadWithHooks(request, parent, isMain) {
  const { url: u, format: resolvedFormat, filename } = resolveWithHooks(request, parent, isMain);
  const builtin = u.startsWith('node:');
  if (!builtin) {
    const cached = Module._cache[filename];
    if (cached !== undefined) {
      updateChildren(parent, cached, true);
      if (!cached.loaded && cached[kEvaluatingEsm]) {
        const from = parentFilename(cached);
        throw requireCycleError(`Cannot require() ES Module ${filename} in a cycle.${from ? ` (from ${from})` : ''}`);
      }
      if (!cached.loaded) return exportsForCircularRequire(cached);
      return cached.exports;
    }
  }
  const context = { conditions: moduleHooks.conditionsFor('require'),
    format: resolvedFormat ?? (builtin ? 'builtin' : requireFormat(filename)), importAttributes: undefined };
  const loaded = moduleHooks.loadWithHooks(u, context, defaultRequireLoad);
  if (loaded.format === 'builtin') {
    const id = builtin ? filename : request;
    return requireBuiltinPublic(id);
  }
  const module = new Module(filename, parent);
  module[kParent] = parent;
  if (isMain) {
    current.assign('mainModule', module);
    module.id = '.';
    Module._mainModule = module;
  }
  // A built-in a load hook replaced is cached under the name it was asked for (`os` or
  // `node:os`), where `require('os')` finds it even after the hooks are gone, as in Node.
  const key = builtin ? (request.startsWith('node:') ? u : filename) : filename;
  Module._cache[key] = module;
  let threw = true;
  try {
    if (loaded.untouched && filename.startsWith('/')) {
      // An ES module the hooks left alone is not loaded through them a second time.
      if (loaded.format === 'module') moduleHooks.provide(filename, null);
      module.load(filename);
    }
    else loadFromSource(module, filename, u, loaded.format, loaded.source);
    threw = false;
  } finally {
    if (threw) delete Module._cache[key];
  }
  return module.exports;
}

// Loads `module` from the source and format a load hook gave.
function loadFromSource(module, filename, u, format, source) {
  module.filename = filename;
  module.paths = Module._nodeModulePaths(filename.startsWith('/') ? dirnameOf(filename) : process.cwd());
  const text = format === 'wasm' ? undefined : moduleHooks.sourceText(source);
  if (format === undefined || format === null) format = loader.isEsmSyntax(text) ? 'module' : 'commonjs';
  switch (format) {
    case 'json':
      try {
        module.exports = JSON.parse(text.charCodeAt(0) === 0xFEFF ? text.slice(1) : text);
      } catch (err) {
        err.message = `${filename}: ${err.message}`;
        throw err;
      }
      break;
    case 'module':
    case 'module-typescript':
    case 'wasm': {
      // A built-in replaced by an ES module is that module under the built-in's URL.
      const name = filename.startsWith('/') ? filename : u;
      moduleHooks.provide(name, format === 'wasm' ? 'wasm' : 'module', format === 'wasm' ? source : text);
      if (!requireModuleEnabled()) throw esmInterop().requireEsmError(filename, module[kParent]);
      module[kEvaluatingEsm] = true;
      evaluatingEsm++;
      try {
        esmInterop().loadEsm(module, name, parentFilename(module));
      } finally {
        evaluatingEsm--;
        module[kEvaluatingEsm] = false;
        moduleHooks.provide(name, undefined);
      }
      break;
    }
    default:
      // CommonJS, and any format require() does not know, as Node compiles it.
      module._compile(text, filename);
  }
  module.loaded = true;
}

// A module required again while it is still loading (a cycle) gives its exports so far. While
// the cycle lasts, reading a property those exports lack warns: it is most likely a value the
// module has yet to export. Exports that are not plain objects, or that a transpiler marked
// with __esModule, are left alone, and so are proxies (their traps are not triggered).
let circularWarningProxy;
const isProxy = (v) => internalBinding('util').getProxyDetails(v) !== undefined;
// The prototype of `exports` when it is a plain object and no proxy, else null.
function isPlainExports(exports) {
  if (exports === null || typeof exports !== 'object' || isProxy(exports)) return null;
  return Object.getPrototypeOf(exports);
}
function emitCircularRequireWarning(prop) {
  process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports inside circular dependency`);
}
function exportsForCircularRequire(module) {
  const exports = module.exports;
  if (isPlainExports(exports) === Object.prototype && !exports.__esModule) {
    circularWarningProxy ??= new Proxy({}, {
      get(target, prop, receiver) {
        if (prop in target || prop === '__esModule') return Reflect.get(target, prop, receiver);
        emitCircularRequireWarning(prop);
        return undefined;
      },
      getOwnPropertyDescriptor(target, prop) {
        if (Object.hasOwn(target, prop) || prop === '__esModule') return Reflect.getOwnPropertyDescriptor(target, prop);
        emitCircularRequireWarning(prop);
        return undefined;
      },
    });
    Object.setPrototypeOf(exports, circularWarningProxy);
  }
  return exports;
}

Module.prototype.load = function load(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(dirnameOf(filename));
  // `.mjs` files and `.js` files of a "type": "module" scope are ES modules, whatever
  // require.extensions says; `.cjs` is CommonJS.
  const format = loader.format(filename);
  if (format === 'module') {
    if (!requireModuleEnabled()) throw esmInterop().requireEsmError(filename, this[kParent]);
    esmInterop().traceRequireModule(parentFilename(this), filename, Module.prototype.require);
    this[kEvaluatingEsm] = true;
    evaluatingEsm++;
    try {
      esmInterop().loadEsm(this, filename, parentFilename(this));
    } finally {
      evaluatingEsm--;
      this[kEvaluatingEsm] = false;
    }
  }
  else if (extnameOf(filename) === '.cjs') Module._extensions['.js'](this, filename);
  else Module._extensions[registeredExtension(filename)](this, filename);
  this.loaded = true;
};

// The longest registered extension the file name ends with (`.foo.bar` before `.bar`),
// ignoring a leading dot; `.js` when none is registered.
function registeredExtension(filename) {
  const name = basenameOf(filename);
  for (let i = name.indexOf('.', 1); i !== -1; i = name.indexOf('.', i + 1)) {
    const ext = name.slice(i);
    if (Module._extensions[ext]) return ext;
  }
  return '.js';
}

// The format of an entry point: a `.js` file with no declared type is an ES module when its
// syntax says so (Node's detection). Finding out compiles it as CommonJS, and when that works
// the compiled function is kept for `_compile` (`compiledEntry`): the entry compiles once.
function isModuleFormat(filename) {
  const f = loader.format(filename);
  if (f === 'module' || f === 'wasm') return true;
  if (f !== 'ambiguous') return false;
  let content;
  try { content = fsb.readFileUtf8(filename); } catch { return false; }
  let esm;
  if (wrapperPatched()) {
    esm = loader.isEsmSyntax(content);
  } else {
    try {
      compiledEntry = { filename, content, fn: loader.compileFunction(content, filename) };
      return false;
    } catch (err) {
      esm = err instanceof SyntaxError && loader.detectModule(content);
    }
  }
  if (esm) esmInterop().warnTypelessPackage(filename);
  return esm;
}
// `{ filename, content, fn }` of the entry file compiled by `isModuleFormat`, until it runs.
let compiledEntry;

Module.prototype.require = function require(id) {
  validateString(id, 'id');
  if (id === '') throw new (errorCodes()).ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  return Module._load(id, this, false);
};

let sourceMapCacheModule;
const sourceMapCache = () => (sourceMapCacheModule ??= require('internal/source_map/cache'));

const warnNow = (message) => require('internal/process/warning').emitWarningSync(message);

// With `detect`, a file that fails to compile as CommonJS but is an ES module runs as one.
Module.prototype._compile = function _compile(content, filename, detect = false) {
  const patched = wrapperPatched();
  if (!patched) wrappedFiles.add(filename);
  const precompiled = !patched && compiledEntry !== undefined &&
    compiledEntry.filename === filename && compiledEntry.content === content ? compiledEntry.fn : undefined;
  compiledEntry = undefined;
  let fn;
  try {
    if (precompiled !== undefined) fn = precompiled;
    else fn = patched ? loader.evalScript(Module.wrap(content), filename) : loader.compileFunction(content, filename);
  } catch (err) {
    // It failed as CommonJS already: whether it parses as a module is all that is left to ask.
    if (err instanceof SyntaxError && loader.detectModule(content)) {
      if (detect && requireModuleEnabled()) {
        wrappedFiles.delete(filename);
        esmInterop().warnTypelessPackage(filename);
        // Load hooks, if any, have given this source already.
        if (hooksActive()) moduleHooks.provide(filename, null);
        esmInterop().loadEsm(this, filename, parentFilename(this));
        return undefined;
      }
      warnNow(`Failed to load the ES module: ${filename}. Make sure to set "type": "module" in the ` +
        'nearest package.json file or use the .mjs extension.');
    }
    throw err;
  }
  moduleWrappers.add(fn);
  const sourceMaps = sourceMapCache();
  if (sourceMaps.isEnabled()) sourceMaps.maybeCacheSourceMap(filename, content);
  const dirname = dirnameOf(filename);
  const require = makeRequire(this);
  return fn.call(this.exports, this.exports, require, this, filename, dirname);
};

Module._extensions['.js'] = function (module, filename) {
  const content = compiledEntry !== undefined && compiledEntry.filename === filename ?
    compiledEntry.content : fsb.readFileUtf8(filename);
  module._compile(content, filename, extnameOf(filename) !== '.cjs' && loader.format(filename) === 'ambiguous');
};
Module._extensions['.json'] = function (module, filename) {
  const content = fsb.readFileUtf8(filename);
  try {
    module.exports = JSON.parse(content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content);
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};
Module._extensions['.node'] = function (module, filename) {
  // moat loads no native addons. A file that is no shared object at all gets dlopen(3)'s reason,
  // as in node: too short for an ELF header, or not starting with one.
  const bytes = fsb.readFile(filename);
  let reason = 'moat does not support native addons';
  if (bytes.length < 64) reason = 'file too short';
  else if (bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) reason = 'invalid ELF header';
  const err = new Error(`${filename}: ${reason}`);
  err.code = 'ERR_DLOPEN_FAILED';
  throw err;
};
const requireModuleEnabled = () => require('internal/options').requireModule();
// require(esm), its errors and the typeless-package warning (`internal/modules/cjs/esm`).
const esmInterop = () => require('internal/modules/cjs/esm');
const parentFilename = (module) => (module[kParent] && module[kParent].filename) || null;

const { makeRequireFunction } = require('internal/modules/helpers');
// `require.resolve` through the resolve hooks while any is registered.
const resolveForRequire = (request, mod, options) => (hooksActive() ?
  resolveWithHooks(request, mod, false, options).filename : Module._resolveFilename(request, mod, false, options));
function makeRequire(mod) {
  const p = current.peek();
  const main = p !== undefined ? p.mainModule : Module._mainModule;
  return makeRequireFunction(mod, Module, { validateString, isBuiltin, dirnameOf, main, resolveForRequire });
}

function createRequire(filename) {
  let file = filename;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') file = filename.href;
  if (typeof file !== 'string') throw new (errorCodes()).ERR_INVALID_ARG_VALUE('filename', filename, 'must be a file URL object, file URL string, or absolute path string');
  if (file.startsWith('file:')) file = require('url').fileURLToPath(file);
  else if (!file.startsWith('/')) throw new (errorCodes()).ERR_INVALID_ARG_VALUE('filename', filename, 'must be a file URL object, file URL string, or absolute path string');
  const trailingSlash = file.endsWith('/');
  const proxyPath = trailingSlash ? path().join(file, 'noop.js') : file;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequire(m);
}
Module.createRequire = createRequire;
Module.Module = Module;

// `Module.runMain`: the entry point runs through it, so a preload script may wrap it, as in
// Node.
Module.runMain = function runMain(mainPath = process.argv[1]) {
  return runMainFile(mainPath);
};

function runMainFile(mainPath) {
  let filename;
  try {
    filename = Module._resolveFilename(mainPath, null, true);
  } catch (err) {
    if (err && err.code === 'MODULE_NOT_FOUND') {
      const e = new Error(`Cannot find module '${mainPath}'`);
      e.code = 'MODULE_NOT_FOUND';
      e.requireStack = [];
      throw e;
    }
    throw err;
  }
  if (filename.endsWith('.mjs') || (!filename.endsWith('.cjs') && isModuleFormat(filename))) {
    // --input-type is for string input; an ES module entry refuses it, as Node's loader does.
    if (internalBinding('process').inputType !== '') {
      return Promise.reject(new (require('internal/errors').codes.ERR_INPUT_TYPE_NOT_ALLOWED)());
    }
    // Evaluated from a microtask, as Node's loader runs it: what the module's top level queues
    // on the microtask queue runs before its process.nextTick callbacks.
    // Resolve hooks see the entry as its URL, imported from nowhere.
    return Promise.resolve().then(() => (hooksActive() ?
      loader.importModule(moduleHooks.nameToURL(filename), '') : loader.importModule(filename, filename)));
  }
  try {
    Module._load(filename, null, true);
  } finally {
    compiledEntry = undefined;
  }
  return undefined;
}

// `require` for ES modules that import CommonJS: the module's exports, loading it if needed
// (from `source` when a load hook gave it).
function requireForImport(filename, source) {
  const cached = Module._cache[filename];
  // An ES module that require() is evaluating may not import a CommonJS module still loading.
  if (cached !== undefined && !cached.loaded && evaluatingEsm > 0) {
    const [specifier, , importer] = loader.importedAs(filename) || [filename, , undefined];
    throw requireCycleError(`Cannot import CommonJS Module ${specifier} in a cycle.${importer ? ` (from ${importer})` : ''}`);
  }
  if (cached !== undefined) return cached.exports;
  const module = new Module(filename, null);
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.filename = filename;
    if (typeof source === 'string') {
      module.paths = Module._nodeModulePaths(filename.startsWith('/') ? dirnameOf(filename) : process.cwd());
      module._compile(source, filename);
    } else {
      module.paths = Module._nodeModulePaths(dirnameOf(filename));
      Module._extensions[extnameOf(filename) === '.json' ? '.json' : '.js'](module, filename);
    }
    module.loaded = true;
    threw = false;
  } finally {
    if (threw) delete Module._cache[filename];
  }
  return module.exports;
}

module.exports = {
  Module, makeRequire, requireForImport, createRequire, isBuiltin, builtinModules, wrappedFiles, useHooks,
};
