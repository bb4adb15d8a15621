// The gzip of 64 MB of text written in 64 KB chunks through a zlib.createGunzip() stream.
const { timeAsync } = require('../core/timer.js');
const zlib = require('zlib');
const data = require('./data.js').text64();
const packed = zlib.gzipSync(data);
timeAsync(() => new Promise((resolve, reject) => {
  const gz = zlib.createGunzip();
  let out = 0;
  gz.on('data', (c) => { out += c.length; });
  gz.on('end', () => (out === data.length ? resolve() : reject(new Error('wrong length'))));
  gz.on('error', reject);
  let off = 0;
  const step = 64 * 1024;
  (function write() {
    while (off < packed.length) {
      const chunk = packed.subarray(off, off + step);
      off += step;
      if (!gz.write(chunk)) return gz.once('drain', write);
    }
    gz.end();
  })();
}));
