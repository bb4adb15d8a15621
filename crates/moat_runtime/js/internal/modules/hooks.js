'use strict';
// Synchronous module customization hooks (`module.registerHooks`): a chain of `resolve` and
// `load` functions that both `require()` and `import` consult. The hook registered last runs
// first; each passes on through `nextResolve` / `nextLoad`, and the end of the chain is the
// default step the caller supplies (CommonJS or ES resolution and loading).
//
// The ES module loader in Rust reaches the chain through the two functions given to
// `loader.setModuleHooks` (`esmResolve`, `esmLoad`), and only while a hook is registered: with
// none, imports never call into this file.

const loader = internalBinding('loader');
const { E, codes, determineSpecificType } = require('internal/errors');

E('ERR_INVALID_RETURN_PROPERTY_VALUE', (input, name, prop, value) =>
  `Expected ${input} to be returned for the "${prop}" from the "${name}" hook but got ${determineSpecificType(value)}.`,
TypeError);
E('ERR_UNSUPPORTED_ESM_URL_SCHEME', (protocol) =>
  'Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. ' +
  `Received protocol '${protocol}'`, Error);
E('ERR_UNKNOWN_MODULE_FORMAT', (format, url) => `Unknown module format: ${format} for URL ${url}`, RangeError);

let urlModule;
const url = () => (urlModule ??= require('internal/url'));

// The registered hooks, in registration order.
const chain = [];

class ModuleHooks {
  #resolve;
  #load;
  constructor(resolve, load) {
    this.#resolve = resolve;
    this.#load = load;
  }
  static resolveOf(h) { return h.#resolve; }
  static loadOf(h) { return h.#load; }
  deregister() {
    const i = chain.indexOf(this);
    if (i !== -1) {
      chain.splice(i, 1);
      updateLoader();
    }
  }
}

// `module.registerHooks({ resolve, load })`; also the base `module.register` builds on.
function registerHooks(hooks) {
  const { resolve, load } = hooks;
  const { validateFunction } = require('internal/validators');
  if (resolve !== undefined) validateFunction(resolve, 'hooks.resolve');
  if (load !== undefined) validateFunction(load, 'hooks.load');
  const h = new ModuleHooks(resolve, load);
  chain.push(h);
  updateLoader();
  return h;
}

// Whether any hook is registered.
const active = () => chain.length > 0;

// The ES module loader calls in only while some hook is registered.
function updateLoader() {
  if (active()) loader.setModuleHooks(esmResolve, esmLoad);
  else loader.setModuleHooks(undefined, undefined);
}

const isBufferSource = (v) => typeof v === 'string' || ArrayBuffer.isView(v) || v instanceof ArrayBuffer ||
  (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer);

// Runs the chain of `kind` ('resolve' or 'load') for `input` (a specifier or a URL), ending in
// `last(input, context)`. Each hook's result is checked as Node checks it.
function runChain(kind, input, context, last) {
  const fns = [];
  for (const h of chain) {
    const f = kind === 'resolve' ? ModuleHooks.resolveOf(h) : ModuleHooks.loadOf(h);
    if (f !== undefined) fns.push(f);
  }
  const step = (i, value, ctx) => {
    if (i < 0) return last(value, ctx);
    let calledNext = false;
    const next = (nextValue, nextContext) => {
      calledNext = true;
      const merged = nextContext === undefined ? ctx : { ...ctx, ...nextContext };
      return step(i - 1, nextValue, merged);
    };
    const result = fns[i](value, ctx, next);
    if (!calledNext && result.shortCircuit !== true) {
      throw new codes.ERR_INVALID_RETURN_PROPERTY_VALUE('true', kind, 'shortCircuit', result.shortCircuit);
    }
    if (kind === 'resolve') {
      if (typeof result.url !== 'string') {
        throw new codes.ERR_INVALID_RETURN_PROPERTY_VALUE('a URL string', kind, 'url', result.url);
      }
    } else if (!(result.format === 'builtin' && result.source == null) && !isBufferSource(result.source)) {
      throw new codes.ERR_INVALID_RETURN_PROPERTY_VALUE('a string, an ArrayBuffer, or a TypedArray', kind,
        'source', result.source);
    }
    return result;
  };
  return step(fns.length - 1, input, context);
}

// `resolve(specifier, context, defaultResolve)` through the hooks: `{ url, format, importAttributes }`.
function resolveWithHooks(specifier, context, defaultResolve) {
  return runChain('resolve', specifier, context, defaultResolve);
}

// `load(url, context, defaultLoad)` through the hooks: `{ format, source }`, and `untouched` when
// that is what the default step gave for the same URL (the caller may then load as usual).
function loadWithHooks(urlString, context, defaultLoad) {
  let fromDefault;
  const result = runChain('load', urlString, context, (u, ctx) => {
    const r = defaultLoad(u, ctx);
    fromDefault = { url: u, format: r.format, source: r.source };
    return r;
  });
  const untouched = fromDefault !== undefined && fromDefault.url === urlString &&
    fromDefault.format === result.format && fromDefault.source === result.source;
  return { format: result.format, source: result.source, untouched };
}

// A loaded source as text.
function sourceText(source) {
  if (typeof source === 'string') return source;
  const bytes = source instanceof ArrayBuffer || !ArrayBuffer.isView(source) ? new Uint8Array(source) :
    new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return new TextDecoder().decode(bytes);
}

// A module's name in the loaders (a file's path, `node:` and a built-in's id, or any other URL
// as it is) and its URL.
function urlToName(u) {
  if (u.startsWith('file:')) return url().fileURLToPath(u);
  return u;
}
function nameToURL(name) {
  return name.startsWith('/') ? url().pathToFileURL(name).href : name;
}

// The conditions each loader matches, as hooks see them: the mode's and `--conditions`'s.
let userConditions;
const conditionsFor = (mode) => {
  userConditions ??= loader.userConditions();
  return mode === 'require' ? ['require', 'node', 'node-addons', ...userConditions, 'module-sync'] :
    ['node', 'import', ...userConditions, 'module-sync', 'node-addons'];
};
// `conditions` when a hook changed them from the mode's, else undefined (resolution's own).
function changedConditions(conditions, mode) {
  if (conditions === undefined) return undefined;
  if (!Array.isArray(conditions)) {
    throw new codes.ERR_INVALID_ARG_VALUE(mode === 'require' ? 'context.conditions' : 'conditions', conditions,
      'expected an array');
  }
  const d = conditionsFor(mode);
  if (conditions.length === d.length && conditions.every((c, i) => c === d[i])) return undefined;
  return conditions.map(String);
}

// The format an import gives a file by its name and contents: `undefined` when its extension is
// not one the loader knows (the Rust loader reports that).
function importFormat(path, bytes) {
  const f = loader.format(path);
  if (f === 'ambiguous') {
    const ext = path.slice(path.lastIndexOf('/') + 1).split('.');
    if (ext.length > 1 && !['js', 'mjs', 'cjs', 'json', 'wasm'].includes(ext[ext.length - 1])) return undefined;
    if (ext.length === 1 && bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d) return 'wasm';
    return loader.isEsmSyntax(sourceText(bytes)) ? 'module' : 'commonjs';
  }
  return f;
}

// Results a CommonJS `require` already loaded through the hooks for an ES module it goes on to
// evaluate, by name: the ES loader takes them instead of running the hooks again.
// A format of null stands for what the default load gives: the ES loader loads it as usual;
// undefined takes back what was given and not used.
const provided = new Map();
function provide(name, format, source) {
  if (format === undefined) provided.delete(name);
  else provided.set(name, format === null ? null : { format, source });
}

// Formats resolve hooks gave, by module name, for the load that follows.
const resolvedFormats = new Map();

// The ES loader's resolve step: the module name `specifier` imported from `base` resolves to.
// For `import.meta.resolve` (`forMeta`), a file that is not there resolves to its URL.
function esmResolve(specifier, base, attributes, forMeta) {
  const parentURL = base === '' ? undefined : nameToURL(base);
  const context = { conditions: conditionsFor('import'), importAttributes: attributes ?? {}, parentURL };
  if (forMeta) {
    try {
      return esmResolveWith(specifier, base, context);
    } catch (err) {
      if (err && err.code === 'ERR_MODULE_NOT_FOUND' && typeof err.url === 'string') return urlToName(err.url);
      throw err;
    }
  }
  return esmResolveWith(specifier, base, context);
}
// The ES loader's default resolution of `spec` imported from the module named `base`.
function defaultImportResolve(base, spec, context) {
  const { validateString } = require('internal/validators');
  validateString(spec, 'specifier');
  const name = loader.resolveImportDefault(base, spec, changedConditions(context.conditions, 'import'));
  let format;
  if (name.startsWith('node:')) format = 'builtin';
  else if (name.startsWith('/')) {
    const f = loader.format(name);
    format = f === 'ambiguous' ? undefined : f;
  }
  return { url: nameToURL(name), format, importAttributes: undefined };
}

function esmResolveWith(specifier, base, context) {
  const result = resolveWithHooks(specifier, context, (spec, ctx) => defaultImportResolve(base, spec, ctx));
  const name = urlToName(result.url);
  if (result.format != null) resolvedFormats.set(name, result.format);
  else resolvedFormats.delete(name);
  return name;
}

// A `data:` URL's body and the format its MIME type gives.
function loadDataURL(u) {
  const comma = u.indexOf(',');
  const meta = u.slice(5, comma);
  const body = u.slice(comma + 1);
  const mime = meta.split(';')[0].toLowerCase();
  const source = meta.endsWith(';base64') ? Buffer.from(decodeURIComponent(body), 'base64') :
    Buffer.from(decodeURIComponent(body));
  const format = mime === 'text/javascript' || mime === 'application/javascript' ? 'module' :
    mime === 'application/json' ? 'json' : undefined;
  return { format, source };
}

// The ES loader's default load of a URL: a built-in's format, a file's bytes and format.
function defaultImportLoad(u, context) {
  if (u.startsWith('node:')) return { format: 'builtin', source: null };
  if (u.startsWith('data:')) return loadDataURL(u);
  if (!u.startsWith('file:')) {
    throw new codes.ERR_UNSUPPORTED_ESM_URL_SCHEME(u.slice(0, u.indexOf(':') + 1));
  }
  const path = url().fileURLToPath(u);
  const source = internalBinding('fs').readFile(path);
  const bytes = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  return { format: context.format ?? importFormat(path, bytes), source: bytes };
}

// The ES loader's load step for `name`: undefined to load it as usual, else `{ format, source }`
// with the source as a string, or as bytes for WebAssembly.
function esmLoad(name, attributes) {
  if (provided.has(name)) {
    const given = provided.get(name);
    provided.delete(name);
    return given ?? undefined;
  }
  const format = resolvedFormats.get(name);
  resolvedFormats.delete(name);
  const u = nameToURL(name);
  const context = { conditions: conditionsFor('import'), format, importAttributes: attributes ?? {} };
  const result = loadWithHooks(u, context, defaultImportLoad);
  if (result.untouched) return undefined;
  if (result.format === 'builtin') return { format: 'builtin', source: undefined };
  if (result.format === 'wasm') {
    const s = result.source;
    const bytes = typeof s === 'string' ? Buffer.from(s) : s instanceof ArrayBuffer ? new Uint8Array(s) :
      new Uint8Array(s.buffer, s.byteOffset, s.byteLength);
    return { format: 'wasm', source: bytes };
  }
  let fmt = result.format;
  const text = sourceText(result.source);
  if (fmt == null) fmt = loader.isEsmSyntax(text) ? 'module' : 'commonjs';
  return { format: fmt, source: text };
}

module.exports = {
  registerHooks, active, resolveWithHooks, loadWithHooks, conditionsFor, changedConditions, sourceText,
  urlToName, nameToURL, provide, ModuleHooks, defaultImportLoad, defaultImportResolve, isBufferSource, loadDataURL,
};

require('internal/modules/cjs').useHooks(module.exports);
