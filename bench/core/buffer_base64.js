// Buffer base64 encode and decode of 64 MB.
const { time } = require('./timer.js');
const src = Buffer.alloc(64 * 1024 * 1024);
for (let i = 0; i < src.length; i += 4096) src[i] = i & 255;
time(() => {
  const text = src.toString('base64');
  const back = Buffer.from(text, 'base64');
  if (back.length !== src.length) throw new Error('base64 round trip lost bytes');
});
