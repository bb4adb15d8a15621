// module.registerHooks: resolve and load hooks for require(), chained (the last registered runs
// first), with virtual modules, source rewriting, built-ins and deregistration.
'use strict';
const assert = require('assert');
const Module = require('module');
const { registerHooks } = Module;

console.log(typeof registerHooks, Module.registerHooks === require('node:module').registerHooks);

// A virtual CommonJS module, JSON and ES module from a resolve + load pair.
const virtual = registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('virtual:')) return { url: `virtual://${specifier.slice(8)}`, shortCircuit: true };
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (url === 'virtual://cjs') {
      return { format: 'commonjs', source: 'module.exports = { filename: __filename, n: 1 };', shortCircuit: true };
    }
    if (url === 'virtual://data.json') return { format: 'json', source: Buffer.from('{"j":[1,2]}'), shortCircuit: true };
    if (url === 'virtual://esm') {
      return { format: 'module', source: new TextEncoder().encode('export const e = "esm"; export default 7;'), shortCircuit: true };
    }
    return nextLoad(url, context);
  },
});
console.log(require('virtual:cjs'));
console.log(require('virtual:data.json'));
const esm = require('virtual:esm');
console.log(esm.e, esm.default);
console.log(require.resolve('virtual:cjs'));

// Chaining: each hook sees what the next one gave.
const seen = [];
const first = registerHooks({
  load(url, context, nextLoad) {
    const r = nextLoad(url, context);
    if (url.endsWith('plain.cjs')) seen.push(['first', context.format, typeof r.source]);
    return r;
  },
});
const second = registerHooks({
  load(url, context, nextLoad) {
    const r = nextLoad(url, context);
    if (!url.endsWith('plain.cjs')) return r;
    seen.push(['second', r.format, String(r.source).includes('$key')]);
    return { ...r, source: String(r.source).replace('$key', 'hooked') };
  },
});
const plain = require('./fixtures/module_hooks/plain.cjs');
console.log(plain, seen);
// A module already loaded is not loaded again.
console.log(require('./fixtures/module_hooks/requirer.js'));
first.deregister();
second.deregister();
second.deregister();

// Context passed on through nextResolve, merged with what the hook was given.
const ctx = registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier !== './fixtures/module_hooks/data.json') return nextResolve(specifier, context);
    console.log(Object.keys(context).sort(), context.conditions, context.parentURL === require('url').pathToFileURL(__filename).href);
    const r = nextResolve(specifier, { extra: 1 });
    console.log(r.url.endsWith('/data.json'), r.format);
    return r;
  },
});
console.log(require('./fixtures/module_hooks/data.json'));
ctx.deregister();

// Built-ins: redirected, and replaced by a load hook.
const builtins = registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'not-a-builtin') return { url: 'node:path', shortCircuit: true };
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (url === 'node:os') return { format: 'commonjs', source: 'module.exports = "fake os";', shortCircuit: true };
    const r = nextLoad(url, context);
    if (url === 'node:path') console.log('load', url, r.format, r.source);
    return r;
  },
});
console.log(require('not-a-builtin') === require('path'), require('os'), require.resolve('not-a-builtin'));
builtins.deregister();
// The replaced built-in stays in require.cache.
console.log(require('os'), typeof require('node:os').cpus);

// Errors for what hooks must not return.
const bad = registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'bad-url') return { url: 42, shortCircuit: true };
    if (specifier === 'no-short') return { url: 'node:fs' };
    if (specifier.startsWith('bad-')) return { url: `test://${specifier}`, shortCircuit: true };
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (url === 'test://bad-source') return { source: {}, shortCircuit: true };
    return nextLoad(url, context);
  },
});
for (const s of ['bad-url', 'no-short', 'bad-source', 'bad-next']) {
  try {
    require(s);
  } catch (e) {
    console.log(s, e.name, e.code, e.message);
  }
}
bad.deregister();
try {
  registerHooks({ load: 'x' });
} catch (e) {
  console.log(e.name, e.code, e.message);
}
virtual.deregister();
assert.throws(() => require('virtual:other'), { code: 'MODULE_NOT_FOUND' });
console.log('done');
