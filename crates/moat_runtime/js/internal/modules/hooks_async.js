'use strict';
// Asynchronous module customization hooks (`module.register`, `--experimental-loader`): the
// hooks modules run in a thread of their own (`internal/modules/hooks_thread`), started with the
// first registration; this thread reaches them through one synchronous hook of its own chain
// (`internal/modules/hooks`), waiting for each answer, as Node's main thread waits for its hooks
// thread. They customise `import` (a `require()` resolves as usual).

const { E, codes } = require('internal/errors');

E('ERR_UNSUPPORTED_RESOLVE_REQUEST', (specifier, base) => `Failed to resolve module specifier "${specifier}" ` +
  `from "${base}": Invalid relative URL or base scheme is not hierarchical.`, TypeError);

let thread = null;

function hooksThread() {
  if (thread === null) {
    const { InternalWorker } = require('internal/worker/thread');
    thread = new InternalWorker('internal/modules/hooks_thread');
    require('internal/modules/hooks').registerHooks({ resolve: forwardResolve, load: forwardLoad });
  }
  return thread;
}

const fromRequire = (context) => Array.isArray(context.conditions) && context.conditions.includes('require');

function forwardResolve(specifier, context, nextResolve) {
  if (fromRequire(context)) return nextResolve(specifier, context);
  // The program's entry is asked for by its URL.
  if (context.parentURL === undefined && specifier.startsWith('/')) {
    specifier = require('internal/url').pathToFileURL(specifier).href;
  }
  const result = thread.request({ type: 'resolve', specifier, context });
  return { ...result, shortCircuit: true };
}

function forwardLoad(url, context, nextLoad) {
  if (fromRequire(context)) return nextLoad(url, context);
  const result = thread.request({ type: 'load', url, context });
  return { ...result, shortCircuit: true };
}

// `module.register(specifier[, parentURL][, options])`.
function register(specifier, parentURL, options) {
  const { isURL } = require('internal/url');
  if (parentURL !== null && typeof parentURL === 'object' && !isURL(parentURL)) {
    options = parentURL;
    parentURL = options.parentURL;
  }
  specifier = `${specifier}`;
  parentURL = parentURL === undefined ? 'data:' : `${parentURL}`;
  if (!URL.canParse(specifier) && !URL.canParse(specifier, parentURL)) {
    throw new codes.ERR_UNSUPPORTED_RESOLVE_REQUEST(specifier, parentURL);
  }
  const data = options?.data;
  hooksThread().request({ type: 'register', specifier, parentURL, data });
  return undefined;
}

module.exports = { register };
