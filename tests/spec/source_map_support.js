// module.SourceMap decodes a map; with support turned on, a module's inline map is found by
// findSourceMap and stack traces name the original source's positions.
const { SourceMap, findSourceMap, setSourceMapsSupport, getSourceMapsSupport } = require('module');
const path = require('path');
const sm = new SourceMap({ version: 3, sources: ['a.js'], names: ['x'], mappings: 'AAAA,EAAEA;ACCA' });
console.log(sm.findEntry(0, 3), sm.findEntry(1, 0), sm.findOrigin(1, 4), sm.findEntry(-1, 0));
try { new SourceMap('nope'); } catch (e) { console.log(e.code, e.message); }
console.log(getSourceMapsSupport(), process.sourceMapsEnabled);
const gen = path.join(__dirname, 'fixtures/sourcemap/gen.js');
require(gen);
console.log('before enabling:', findSourceMap(gen));
delete require.cache[gen];
setSourceMapsSupport(true);
const { fail } = require(gen);
const map = findSourceMap(gen);
console.log(map instanceof SourceMap, path.basename(map.findEntry(1, 2).originalSource), map.findEntry(1, 2).originalLine, map.lineLengths);
try {
  fail(7);
} catch (e) {
  const frames = e.stack.split('\n').slice(0, 3).map((l) => l.replace(__dirname, '<dir>'));
  console.log(frames.join('\n'));
}
