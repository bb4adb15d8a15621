// AES-256-GCM encryption of 256 MB: createCipheriv, update with 64 KB chunks, final, getAuthTag.
const { time } = require('./timer.js');
const crypto = require('crypto');
const { CHUNKS, chunk, key, iv, encryptTag } = require('./data.js');
time((n) => {
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  let out = 0;
  for (let i = 0; i < n; i++) out += cipher.update(chunk).length;
  out += cipher.final().length;
  const tag = cipher.getAuthTag().toString('hex');
  if (out !== n * chunk.length) throw new Error(`ciphertext of ${out} bytes`);
  if (n === CHUNKS && tag !== encryptTag) throw new Error(`tag ${tag}, node's is ${encryptTag}`);
}, CHUNKS);
