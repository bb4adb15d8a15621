'use strict';
// The module customization hooks' thread (`module.register`, `--experimental-loader`): a worker
// of moat's own that imports the hooks modules and runs their asynchronous `resolve` and `load`
// chains for the thread that registered them, which waits for each answer
// (`internal/modules/hooks_async`). The end of each chain is the default resolution and loading.

const { E, codes } = require('internal/errors');
const hooks = require('internal/modules/hooks');
const { serializeError, self } = require('internal/worker/thread');
const loader = internalBinding('loader');

E('ERR_LOADER_CHAIN_INCOMPLETE', (hook) => `"${hook}" did not call the next hook in its chain and did not ` +
  'explicitly signal a short circuit. If this is intentional, include `shortCircuit: true` in the hook\'s return.',
Error);

// The registered hooks modules, in registration order: `{ name, resolve, load }`.
const chain = [];

// A module's importer for `loader.importModule`: a file's path (a directory's stands for a file in it).
function importerOf(parentURL) {
  if (typeof parentURL === 'string' && parentURL.startsWith('file:')) {
    const path = require('internal/url').fileURLToPath(parentURL);
    return parentURL.endsWith('/') ? `${path.replace(/\/$/, '')}/[register]` : path;
  }
  return `${process.cwd()}/[register]`;
}

async function register({ specifier, parentURL, data }) {
  const ns = await loader.importModule(specifier, importerOf(parentURL));
  const entry = { name: specifier, resolve: ns.resolve, load: ns.load };
  if (typeof ns.initialize === 'function') await ns.initialize(data);
  chain.push(entry);
}

// Runs the chain of `kind` for `input`, hook registered last first, ending in `last`; checks
// what each hook gives as Node does.
function runChain(kind, input, context, last) {
  const hooksOfKind = chain.filter((h) => typeof h[kind] === 'function');
  const nextName = kind === 'resolve' ? 'nextResolve' : 'nextLoad';
  const step = async (i, value, ctx) => {
    if (i < 0) return last(value, ctx);
    const h = hooksOfKind[i];
    const id = `${h.name} '${kind}'`;
    let calledNext = false;
    const next = (nextValue, nextContext) => {
      calledNext = true;
      return step(i - 1, nextValue, nextContext === undefined ? ctx : { ...ctx, ...nextContext });
    };
    const result = await h[kind](value, ctx, next);
    if (result === null || typeof result !== 'object') {
      throw new codes.ERR_INVALID_RETURN_VALUE('an object', `${id} hook's ${nextName}()`, result);
    }
    if (!calledNext && result.shortCircuit !== true) throw new codes.ERR_LOADER_CHAIN_INCOMPLETE(id);
    if (kind === 'resolve') {
      if (typeof result.url !== 'string') {
        throw new codes.ERR_INVALID_RETURN_PROPERTY_VALUE('a URL string', `${id}`, 'url', result.url);
      }
    } else if (!(result.format === 'builtin' && result.source == null) && !hooks.isBufferSource(result.source) &&
      !(result.format === 'commonjs' && result.source == null)) {
      throw new codes.ERR_INVALID_RETURN_PROPERTY_VALUE('a string, an ArrayBuffer, or a TypedArray', `${id}`,
        'source', result.source);
    }
    return result;
  };
  return step(hooksOfKind.length - 1, input, context);
}

// Default resolution: the ES loader's, from the importer the context names.
function defaultResolve(specifier, context) {
  const base = context.parentURL === undefined ? '' : hooks.urlToName(context.parentURL);
  return hooks.defaultImportResolve(base, specifier, context);
}

async function answer(message) {
  switch (message.type) {
    case 'register': return register(message);
    case 'resolve': {
      const r = await runChain('resolve', message.specifier, message.context, defaultResolve);
      return { url: r.url, format: r.format ?? undefined, importAttributes: r.importAttributes };
    }
    case 'load': {
      const r = await runChain('load', message.url, message.context, hooks.defaultImportLoad);
      return { format: r.format, source: r.source };
    }
    default: throw new codes.ERR_INVALID_ARG_VALUE('message.type', message.type);
  }
}

const port = self.parentPort;
port.on('message', (message) => {
  answer(message).then(
    (result) => port.postMessage({ id: message.id, result }),
    (error) => port.postMessage({ id: message.id, error: serializeError(error) }));
});
