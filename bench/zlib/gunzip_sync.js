// zlib.gunzipSync of 64 MB of text (compressed beforehand, outside the timing).
const { time } = require('../core/timer.js');
const zlib = require('zlib');
const data = require('./data.js').text64();
const packed = zlib.gzipSync(data);
time(() => {
  if (zlib.gunzipSync(packed).length !== data.length) throw new Error('wrong length');
});
