// AES-256-GCM decryption of 256 MB: createDecipheriv, setAuthTag, update with 64 KB chunks, final
// (which checks the tag). The ciphertext is zero bytes, under a tag node computed (see data.js).
const { time } = require('./timer.js');
const crypto = require('crypto');
const { CHUNKS, zeros, key, iv, zerosTag } = require('./data.js');
time((n) => {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  // The tag is that of the whole 256 MB: the shorter warm-up stops before final().
  const whole = n === CHUNKS;
  if (whole) decipher.setAuthTag(Buffer.from(zerosTag, 'hex'));
  let out = 0;
  for (let i = 0; i < n; i++) out += decipher.update(zeros).length;
  if (whole) out += decipher.final().length;
  if (out !== n * zeros.length) throw new Error(`plaintext of ${out} bytes`);
}, CHUNKS);
