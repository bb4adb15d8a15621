// import's errors as Node gives them: codes, the url of what was not found, the hint for a
// directory, attribute keys checked before the format, unknown extensions.
const here = new URL('.', import.meta.url);
const local = (s) => (typeof s === 'string' ? s.split(here.href).join('./').split(here.pathname).join('./') : s);
const tries = [
  ['./fixtures/nope.mjs'],
  ['./fixtures'],
  ['./fixtures/app.env'],
  ['data:text/css,', { with: { flavour: 'x' } }],
  ['data:text/css,', { with: { type: 'css' } }],
  ['nopkg-at-all'],
];
for (const [spec, options] of tries) {
  try {
    await import(spec, options);
  } catch (e) {
    console.log(e.code, local(e.url), local(e.stack.split('\n')[0]));
  }
}
