// pipeline() of 1 GB in 64 KB chunks through a PassThrough.
const { Readable, PassThrough, Writable } = require('stream');
const { pipeline } = require('stream/promises');
const { timeAsync } = require('../core/timer.js');
const chunk = Buffer.alloc(64 * 1024, 'z');
timeAsync(async () => {
  let left = 16384;
  let bytes = 0;
  await pipeline(
    new Readable({ read() { this.push(left-- > 0 ? chunk : null); } }),
    new PassThrough(),
    new Writable({ write(c, enc, cb) { bytes += c.length; cb(); } }),
  );
  if (bytes !== 1024 * 1024 * 1024) throw new Error('bytes lost');
});
