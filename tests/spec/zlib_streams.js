'use strict';
// The zlib classes are Transform streams: piping, event order, flush() and params(), errors on
// corrupt input, the last chunk finishing the stream, bytesWritten, close() and reset().
const zlib = require('zlib');
const { Readable, Writable, Transform, pipeline } = require('stream');

const text = 'streams of text, '.repeat(5000);

function collect(stream, label, done) {
  const chunks = [];
  stream.on('data', (c) => chunks.push(c));
  stream.on('end', () => {
    const all = Buffer.concat(chunks);
    console.log(label, 'end', all.length);
    done(all);
  });
  stream.on('error', (e) => console.log(label, 'error', e.code, e.errno, e.message));
}

const steps = [];
function next() { const s = steps.shift(); if (s) s(); }

steps.push(() => {
  const g = zlib.createGzip();
  console.log(g instanceof Transform, g instanceof zlib.Gzip, typeof g._transform, g._closed);
  const u = zlib.createGunzip();
  g.pipe(u);
  collect(u, 'pipe gzip->gunzip', (all) => {
    console.log(all.toString() === text, g.bytesWritten, u.bytesWritten > 0);
    next();
  });
  for (let i = 0; i < text.length; i += 1000) g.write(text.slice(i, i + 1000));
  g.end();
});

for (const [c, d] of [['Deflate', 'Inflate'], ['DeflateRaw', 'InflateRaw'], ['Gzip', 'Unzip'],
  ['BrotliCompress', 'BrotliDecompress'], ['ZstdCompress', 'ZstdDecompress']]) {
  steps.push(() => {
    pipeline(Readable.from([Buffer.from(text.slice(0, 40000)), Buffer.from(text.slice(40000))]),
      new zlib[c](), new zlib[d]({ chunkSize: 1024 }), new Writable({
        write(chunk, enc, cb) { this.n = (this.n || 0) + chunk.length; cb(); },
        final(cb) { console.log('pipeline', c, d, this.n); cb(); },
      }), (err) => { console.log('pipeline done', c, err); next(); });
  });
}

steps.push(() => {
  // Corrupt input: 'error' with zlib's code and errno, then 'close'.
  const u = zlib.createGunzip();
  const events = [];
  u.on('error', (e) => events.push(`error ${e.code} ${e.errno} ${e.message} ${u._closed}`));
  u.on('close', () => { events.push('close'); console.log(events); next(); });
  u.on('end', () => events.push('end'));
  u.end(Buffer.from('this is not gzip data'));
});

steps.push(() => {
  // A truncated stream fails at its end.
  const u = zlib.createInflate();
  u.on('error', (e) => { console.log('truncated', e.code, e.errno, e.message); next(); });
  u.on('data', () => {});
  u.end(zlib.deflateSync(text).subarray(0, 100));
});

steps.push(() => {
  // flush() pushes out what was written so far, and the output decompresses alone.
  const d = zlib.createDeflate();
  const parts = [];
  d.on('data', (c) => parts.push(c));
  d.write('hello ');
  d.flush(() => {
    const soFar = Buffer.concat(parts);
    console.log('flushed', zlib.inflateSync(soFar, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString());
    d.on('end', () => {
      console.log('after end', zlib.inflateSync(Buffer.concat(parts)).toString());
      next();
    });
    d.end('world');
  });
});

steps.push(() => {
  // params() changes the level between writes.
  const d = zlib.createDeflate({ level: 1 });
  const parts = [];
  d.on('data', (c) => parts.push(c));
  d.write(text.slice(0, 20000));
  d.params(9, zlib.constants.Z_DEFAULT_STRATEGY, (err) => {
    console.log('params', err, d._level, d._strategy);
    d.end(text.slice(20000));
  });
  d.on('end', () => {
    console.log('params round trip', zlib.inflateSync(Buffer.concat(parts)).toString() === text);
    next();
  });
});

steps.push(() => {
  // close() frees the handle; writing afterwards is an error.
  const g = zlib.createGzip();
  g.close(() => {
    console.log('closed', g._closed, g.destroyed);
    g.write('x', (err) => { console.log('write after close', err.code); next(); });
  });
});

steps.push(() => {
  // reset() starts the stream over; a synchronous _processChunk closes the handle when done.
  const g = zlib.createGzip();
  g.reset();
  console.log('sync chunk', zlib.gunzipSync(g._processChunk(Buffer.from('abc'), zlib.constants.Z_FINISH)).toString());
  console.log('closed after sync', g._closed);
  try { g.reset(); } catch (e) { console.log('reset after close', e.code); }
  next();
});

steps.push(() => {
  // Backpressure: a slow reader still gets every byte.
  const u = zlib.createInflate({ chunkSize: 64 });
  const packed = zlib.deflateSync(text);
  let total = 0;
  u.on('readable', () => {
    let c;
    while ((c = u.read(100)) !== null) total += c.length;
  });
  u.on('end', () => { console.log('slow reader', total); next(); });
  u.end(packed);
});

steps.push(() => {
  // Trailing data after a deflate stream ends the readable side.
  const u = zlib.createInflate();
  collect(u, 'trailing', (all) => { console.log(all.toString()); next(); });
  u.end(Buffer.concat([zlib.deflateSync('abc'), Buffer.from('garbage')]));
});

next();
