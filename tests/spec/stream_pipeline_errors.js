'use strict';
// pipeline() and finished(): errors destroy every stream and reach the callback once; premature
// close; async generator stages; stream/promises.
const { Readable, Writable, PassThrough, Transform, pipeline, finished } = require('stream');
const sp = require('stream/promises');

const src = new Readable({ read() {} });
const mid = new PassThrough();
const dst = new Writable({ write(c, e, cb) { cb(); } });
pipeline(src, mid, dst, (err) => {
  console.log('1', err.message, src.destroyed, mid.destroyed, dst.destroyed);
});
src.push('a');
process.nextTick(() => mid.destroy(new Error('mid failed')));

const r2 = new Readable({ read() {} });
finished(r2, (err) => console.log('2', err.code, err.message));
r2.destroy();

pipeline(
  Readable.from(['a', 'b', 'c']),
  async function* (source) { for await (const c of source) yield c.toUpperCase(); },
  async function (source) { let s = ''; for await (const c of source) s += c; return s; },
  (err, val) => console.log('3', err, val),
);

sp.pipeline(
  Readable.from([1, 2, 3]),
  new Transform({ objectMode: true, transform(c, e, cb) { cb(c === 2 ? new Error('two') : null, c); } }),
  new Writable({ objectMode: true, write(c, e, cb) { cb(); } }),
).catch((err) => console.log('4', err.message));

try {
  pipeline(new PassThrough(), () => {});
} catch (err) {
  console.log('5', err.code, err.message);
}

const ac = new AbortController();
sp.finished(new Readable({ read() {} }), { signal: ac.signal }).catch((err) => console.log('6', err.name, err.code));
ac.abort();

const w = new Writable({ write(c, e, cb) { cb(); } });
w.end();
w.write('x', (err) => console.log('7', err.code, err.message));
w.on('error', (err) => console.log('7e', err.code));
const r = new Readable({ read() {} });
r.on('error', (err) => console.log('8', err.code, err.message));
r.push(null);
r.push('y');
const r9 = new Readable({ read() {} });
r9.on('error', (err) => console.log('9', err.code, err.message));
r9.push(5);
try { new Writable().write(null); } catch (err) { console.log('10', err.code, err.message); }
const w11 = new Writable();
w11.on('error', (err) => console.log('11', err.code, err.message));
try { w11.write('x'); } catch (err) { console.log('11t', err.code, err.message); }
const r12 = new Readable();
r12.on('error', (err) => console.log('12', err.code, err.message));
try { r12.read(); } catch (err) { console.log('12t', err.code, err.message); }
