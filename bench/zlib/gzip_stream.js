// 64 MB of text written in 64 KB chunks through a zlib.createGzip() stream and read back out.
const { timeAsync } = require('../core/timer.js');
const zlib = require('zlib');
const data = require('./data.js').text64();
timeAsync(() => new Promise((resolve, reject) => {
  const gz = zlib.createGzip();
  let out = 0;
  gz.on('data', (c) => { out += c.length; });
  gz.on('end', () => (out > 0 ? resolve() : reject(new Error('no output'))));
  gz.on('error', reject);
  let off = 0;
  const step = 64 * 1024;
  (function write() {
    while (off < data.length) {
      const chunk = data.subarray(off, off + step);
      off += step;
      if (!gz.write(chunk)) return gz.once('drain', write);
    }
    gz.end();
  })();
}));
