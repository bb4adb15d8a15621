// 1M small chunks from a Readable through a Transform into a Writable.
const { Readable, Transform, Writable } = require('stream');
const { pipeline } = require('stream/promises');
const { timeAsync } = require('../core/timer.js');
const chunk = Buffer.from('a small chunk of text\n');
timeAsync(async () => {
  let left = 1e6;
  let bytes = 0;
  await pipeline(
    new Readable({ read() { this.push(left-- > 0 ? chunk : null); } }),
    new Transform({ transform(c, enc, cb) { cb(null, c); } }),
    new Writable({ write(c, enc, cb) { bytes += c.length; cb(); } }),
  );
  if (bytes !== 1e6 * chunk.length) throw new Error('chunks lost');
});
