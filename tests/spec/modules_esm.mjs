import def, { value, double } from './fixtures/esm/lib.mjs';
import cjs, { alpha, beta } from './fixtures/esm/cjs_exports.cjs';
import data from './fixtures/data.json' with { type: 'json' };
import dep from 'dep';
import path, { join } from 'node:path';
import { createRequire } from 'node:module';
console.log(def, value, double(4), alpha, beta(), cjs.alpha);
console.log(data.list, dep, join('a', 'b'), typeof path.resolve);
console.log(import.meta.url.startsWith('file:///'), import.meta.filename.endsWith('modules_esm.mjs'));
console.log(import.meta.dirname.endsWith('spec'), import.meta.resolve('./x.js').endsWith('/spec/x.js'));
const require = createRequire(import.meta.url);
console.log(require('dep'));
const dyn = await import('./fixtures/esm/lib.mjs');
console.log(dyn.value, Object.keys(dyn).join(','));
try { await import('./missing.mjs'); } catch (e) { console.log(e.code); }
console.log(typeof require.resolve, this);
