'use strict';
// write() returns false at highWaterMark, 'drain' follows once the buffer empties; pipe() pauses
// the source meanwhile; cork()/uncork() batch writes through _writev.
const { Readable, Writable } = require('stream');

const pending = [];
const w = new Writable({
  highWaterMark: 3,
  write(chunk, enc, cb) { pending.push(cb); },
});
console.log(w.write('a'), w.writableLength, w.writableNeedDrain);
console.log(w.write('bc'), w.writableLength, w.writableNeedDrain);
w.on('drain', () => console.log('drain', w.writableLength));
while (pending.length) { const cb = pending.shift(); cb(); }
setImmediate(() => {
  while (pending.length) { const cb = pending.shift(); cb(); }
});

const batches = [];
const wv = new Writable({
  writev(chunks, cb) { batches.push(chunks.map((c) => c.chunk.toString()).join('|')); cb(); },
});
wv.cork();
wv.write('1'); wv.write('2'); wv.write('3');
console.log('corked', wv.writableCorked, wv.writableLength);
process.nextTick(() => { wv.uncork(); console.log('batches', batches); });

let reads = 0;
const src = new Readable({
  highWaterMark: 4,
  read() {
    reads++;
    if (reads > 6) this.push(null);
    else this.push(String(reads).repeat(3));
  },
});
const got = [];
const slow = new Writable({
  highWaterMark: 2,
  write(c, e, cb) { got.push(c.toString()); setImmediate(cb); },
});
src.on('pause', () => console.log('src pause'));
slow.on('finish', () => console.log('slow finish', got.join(','), 'reads', reads));
src.pipe(slow);

const r = new Readable({ read() {} });
r.push('abc');
r.push('def');
console.log('read(2)', r.read(2).toString(), r.readableLength);
r.unshift('Z');
console.log('read()', r.read().toString());
r.setEncoding('utf8');
r.push(Buffer.from([0xe2, 0x82]));
r.push(Buffer.from([0xac]));
console.log('euro', JSON.stringify(r.read()));
