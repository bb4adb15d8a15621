// Percent-escapes beside multi-byte characters in import specifiers: a well-formed escape of
// UTF-8 bytes finds the file; a `%` without two hex digits, or escapes that are not UTF-8, give
// decodeURIComponent's URIError with the URL tried and the importing module; a missing file's
// error names its URL as written.
const hereURL = new URL('.', import.meta.url).href;
const herePath = new URL('.', import.meta.url).pathname;
const rel = (s) => (typeof s === 'string' ? s.replaceAll(hereURL, './').replaceAll(herePath, './') : s);

const ok = await import('./fixtures/esm_percent/%e4%bd%a0好.mjs');
console.log('decoded:', ok.default);

for (const spec of [
  './fixtures/esm_percent/%2你.mjs',
  './fixtures/esm_percent/%你好.mjs',
  './fixtures/esm_percent/%e4%bd.mjs',
  './fixtures/esm_percent/%+1.mjs',
  './fixtures/esm_percent/%ZZ.mjs?q=1#h',
  './fixtures/esm_percent/好%',
  './fixtures/esm_percent/好%2F.mjs',
  './fixtures/esm_percent/%E5%A5%BD%5c.mjs',
  './fixtures/esm_percent/%61bc%20%E4%BD%A0.mjs?q=1#h',
  './fixtures/esm_percent/nöpe',
]) {
  try {
    await import(spec);
    console.log(spec, 'loaded');
  } catch (e) {
    console.log(spec, '->', e.name, e.code, rel(e.message), rel(e.input), rel(e.module), rel(e.url));
  }
}
