import path from 'node:path';
console.log(path.basename(import.meta.filename), path.basename(import.meta.dirname));
console.log(import.meta.url === new URL(import.meta.url).href, import.meta.url.startsWith('file:'));
console.log(import.meta.resolve('dep').endsWith('esm.mjs'), import.meta.resolve('node:fs'), import.meta.resolve('./x.js').endsWith('/x.js'));
console.log(typeof require, typeof module, typeof __filename);
// A data: module's import.meta: main, resolve (nothing relative) and url.
const data = await import('data:text/javascript,export default import.meta; export const fs = import.meta.resolve("node:fs");');
console.log(Object.keys(data.default), data.default.url.startsWith('data:'), data.default.main, data.fs);
try { data.default.resolve('./x.js'); } catch (e) { console.log(e.name, e.code); }
