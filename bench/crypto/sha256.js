// sha256 of 256 MB: createHash('sha256'), update with 64 KB chunks, digest.
const { time } = require('./timer.js');
const crypto = require('crypto');
const { CHUNKS, chunk, sha256 } = require('./data.js');
time((n) => {
  const hash = crypto.createHash('sha256');
  for (let i = 0; i < n; i++) hash.update(chunk);
  const digest = hash.digest('hex');
  if (n === CHUNKS && digest !== sha256) throw new Error(`digest ${digest}, node's is ${sha256}`);
}, CHUNKS);
