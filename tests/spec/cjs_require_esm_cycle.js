// require(esm) in a cycle: an ES module that require() evaluates may not import a CommonJS module
// that is still loading (c.cjs -> b.cjs -> a.mjs -> b.cjs).
const dir = require('path').join(__dirname, 'fixtures', 'require_cycle');
for (const entry of ['./fixtures/require_cycle/c.cjs']) {
  try {
    require(entry);
    console.log(entry, 'loaded');
  } catch (e) {
    console.log(entry, e.code, e.message.replaceAll(dir, 'DIR').replaceAll(__dirname, 'HERE'));
  }
}
