// require() of an ES module graph: one with top-level await anywhere in it is refused before
// any of it runs, every time; import() of the same graph still works afterwards. A module
// that throws while loading throws from require(), and import() of it rejects the same way.
const path = require('path');
const dir = path.join(__dirname, 'fixtures/esm/tla_graph');

for (let i = 0; i < 2; i++) {
  try {
    require(`${dir}/root.mjs`);
    console.log('loaded');
  } catch (e) {
    console.log(e.code, e.message.split('\n')[0]);
  }
}

const fn = require(`${dir}/async_fn.mjs`);
console.log(fn.value, typeof fn.later);

try {
  require(`${dir}/throws.mjs`);
} catch (e) {
  console.log('require threw:', e.message);
}

(async () => {
  const ns = await import(`${dir}/root.mjs`);
  console.log('imported', ns.root);
  try {
    require(`${dir}/root.mjs`);
  } catch (e) {
    console.log('after import:', e.code);
  }
  await import(`${dir}/throws.mjs`).catch((e) => console.log('import rejected:', e.message));
  for (const f of ['typemod/uses_module.js', 'typemod/uses_filename.mjs']) {
    await import(path.join(__dirname, 'fixtures/esm', f)).catch((e) => {
      console.log(e.name, e.message.replace(__dirname, '<dir>'));
    });
  }
  await import('data:text/javascript,require("fs");').catch((e) => console.log(e.message));
  await import('data:text/javascript,exports.a = 1;').catch((e) => console.log(e.message));
  await import('data:text/javascript,require_other;').catch((e) => console.log(e.message));
})();
