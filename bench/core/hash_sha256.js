// sha256 of 256 MB, fed in 1 MB chunks.
const { time } = require('./timer.js');
const crypto = require('crypto');
const chunk = Buffer.alloc(1024 * 1024, 7);
time(() => {
  const h = crypto.createHash('sha256');
  for (let i = 0; i < 256; i++) h.update(chunk);
  if (h.digest('hex').length !== 64) throw new Error('bad digest');
});
