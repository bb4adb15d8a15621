// A Console ignores its streams' errors unless told not to; subclasses' methods are the ones
// bound; inspectOptions may be a Map from each stream to its own options.
const { Console } = require('console');
const { Writable, PassThrough } = require('stream');
const failing = (how) => new Writable({
  write(chunk, enc, cb) {
    if (how === 'throw') throw new Error('thrown');
    if (how === 'sync') cb(new Error('sync'));
    else setImmediate(() => cb(new Error('async')));
  },
});
for (const how of ['throw', 'sync', 'async']) {
  const out = failing(how);
  new Console(out, out).log('abc');
  console.log(how, 'ignored, error listeners left:', out.listenerCount('error'));
}
const strict = new Console({ stdout: { write() { throw new Error('out'); } }, ignoreErrors: false });
try { strict.log('x'); } catch (e) { console.log('not ignored:', e.message); }
class Mine extends Console { log() { return 'mine'; } }
const mine = new Mine(process.stdout);
const { log } = mine;
console.log(log(), mine instanceof Console);
const stdout = new PassThrough().setEncoding('utf8');
const stderr = new PassThrough().setEncoding('utf8');
const c = new Console({ stdout, stderr, inspectOptions: new Map([[stdout, { colors: true }], [stderr, { colors: false }]]) });
c.log('n', 42);
c.warn('n', 42);
console.log(JSON.stringify(stdout.read()), JSON.stringify(stderr.read()));
try {
  new Console({ stdout, colorMode: 'auto', inspectOptions: { colors: false } });
} catch (e) { console.log(e.code); }
