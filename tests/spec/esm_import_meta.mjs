import path from 'node:path';
console.log(path.basename(import.meta.filename), path.basename(import.meta.dirname));
console.log(import.meta.url === new URL(import.meta.url).href, import.meta.url.startsWith('file:'));
console.log(import.meta.resolve('dep').endsWith('esm.mjs'), import.meta.resolve('node:fs'), import.meta.resolve('./x.js').endsWith('/x.js'));
console.log(typeof require, typeof module, typeof __filename);
