// module.registerHooks and import: virtual ES, CommonJS and JSON modules, source rewriting of
// files, import attributes and conditions in the context, import.meta.resolve, built-ins, and
// the errors of an unknown format or scheme.
import { registerHooks } from 'node:module';
import * as nodeModule from 'node:module';

console.log(typeof nodeModule.registerHooks, nodeModule.default.registerHooks === registerHooks);

const calls = [];
const hooks = registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('virtual:')) return { url: `virtual://${specifier.slice(8)}`, shortCircuit: true };
    if (specifier === 'alias-path') return nextResolve('node:path', context);
    const r = nextResolve(specifier, context);
    if (specifier.includes('fixtures/module_hooks')) {
      calls.push(['resolve', specifier, context.conditions, { ...context.importAttributes }, r.format]);
    }
    return r;
  },
  load(url, context, nextLoad) {
    switch (url) {
      case 'virtual://esm':
        return { format: 'module', source: 'export default import.meta.url; export const dep = (await import("virtual:cjs")).default;', shortCircuit: true };
      case 'virtual://cjs':
        return { format: 'commonjs', source: 'module.exports = { a: 1, file: __filename }; exports.b = 2;', shortCircuit: true };
      case 'virtual://json':
        return { format: 'json', source: '{"j": 3}', shortCircuit: true };
      case 'virtual://bogus':
        return { format: 'bogus', source: 'x', shortCircuit: true };
    }
    const r = nextLoad(url, context);
    if (url.includes('fixtures/module_hooks')) {
      calls.push(['load', url.slice(url.lastIndexOf('/') + 1), context.format, r.format, Buffer.isBuffer(r.source)]);
      return { ...r, source: r.source.toString().replace('$key', 'rewritten') };
    }
    return r;
  },
});

const esm = await import('virtual:esm');
console.log(esm.default, esm.dep);
console.log(await import('virtual:cjs'));
console.log(await import('virtual:json', { with: { type: 'json' } }));
console.log(await import('./fixtures/module_hooks/plain.mjs'));
console.log((await import('./fixtures/module_hooks/plain.cjs')).default);
console.log((await import('./fixtures/module_hooks/data.json', { with: { type: 'json' } })).default);
console.log((await import('alias-path')).default === (await import('node:path')).default);
console.log(import.meta.resolve('virtual:x'), import.meta.resolve('./fixtures/module_hooks/nope.js').endsWith('/nope.js'));
for (const c of calls) console.log(c);

for (const s of ['virtual:bogus', 'virtual:none']) {
  try {
    await import(s);
  } catch (e) {
    console.log(s, e.name, e.code, e.message);
  }
}
hooks.deregister();
try {
  await import('virtual:other');
} catch (e) {
  console.log(e.code);
}
