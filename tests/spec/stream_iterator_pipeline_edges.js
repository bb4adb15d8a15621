'use strict';
// A throw or break in a for-await body destroys the stream before the loop's code continues;
// pipeline() into a destroyed stream throws; { end: false } leaves the destination open;
// finished() waits for a pending write callback.
const { Readable, Writable, PassThrough, Duplex, pipeline, finished } = require('stream');
const sp = require('stream/promises');

(async () => {
  const r = new Readable({ objectMode: true, read() { this.push('hello'); } });
  try {
    for await (const k of r) throw new Error('kaboom ' + k);
  } catch (e) {
    console.log('caught', e.message, 'destroyed', r.destroyed);
  }
  const r2 = new Readable({ objectMode: true, read() { this.push('x'); } });
  for await (const k of r2) { console.log('first', k); break; }
  console.log('after break destroyed', r2.destroyed);
  const r3 = new Readable({ objectMode: true, read() { this.push('y'); } });
  for await (const k of r3.iterator({ destroyOnReturn: false })) { console.log('kept', k); break; }
  console.log('destroyOnReturn false', r3.destroyed);

  const dead = new Writable({ write(c, e, cb) { cb(); } });
  dead.destroy();
  try {
    pipeline(new Readable({ read() {} }), dead, () => {});
  } catch (e) {
    console.log(e.code, e.message);
  }

  const src = new Readable({ read() {} });
  src.push('data');
  src.push(null);
  const mid = new PassThrough();
  const last = new PassThrough();
  await sp.pipeline(src, mid, last, { end: false });
  console.log('end:false', mid.destroyed, mid.writableEnded, last.destroyed, last.writableEnded, last.read().toString());

  let written = false;
  const d = new Duplex({ write(c, e, cb) { setImmediate(() => { written = true; cb(); }); } });
  d.end('foo');
  finished(d, { readable: false }, (err) => {
    console.log('finished after write cb', err, written, d._writableState.pendingcb);
  });
})();
