// require(esm) in a cycle: an ES module may not be required again while require() evaluates it
// (a.mjs -> b.cjs -> a.mjs).
const dir = require('path').join(__dirname, 'fixtures', 'require_cycle');
for (const entry of ['./fixtures/require_cycle/a.mjs']) {
  try {
    require(entry);
    console.log(entry, 'loaded');
  } catch (e) {
    console.log(entry, e.code, e.message.replaceAll(dir, 'DIR').replaceAll(__dirname, 'HERE'));
  }
}
