// zlib.gzipSync of 64 MB of text at the default level.
const { time } = require('../core/timer.js');
const zlib = require('zlib');
const data = require('./data.js').text64();
time(() => {
  if (zlib.gzipSync(data).length > data.length / 2) throw new Error('did not compress');
});
