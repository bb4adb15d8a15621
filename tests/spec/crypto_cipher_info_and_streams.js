'use strict';
// getCiphers()/getCipherInfo(), the classes, string encodings carried across updates, and
// ciphers as streams.
const crypto = require('crypto');
const { pipeline, Readable, Writable } = require('stream');

const names = crypto.getCiphers();
console.log(names.includes('aes-256-gcm'), names.includes('id-aes128-GCM'), names.includes('des-cbc'),
  names.every((n, i) => i === 0 || names[i - 1] < n), names !== crypto.getCiphers());
for (const n of ['aes-128-cbc', 'aes128', 'AES-256-GCM', 'aes-128-ccm', 'aes-128-ocb', 'chacha20', 'chacha20-poly1305',
  'id-aes128-wrap-pad', 'aes-256-xts', 'des-ede3', 'des3', 'des-cbc', 'aes-128-cfb1', 419, 895, 'nope', -1]) {
  console.log(n, JSON.stringify(crypto.getCipherInfo(n)));
}
console.log(JSON.stringify(crypto.getCipherInfo('aes-128-gcm', { ivLength: 20 })),
  crypto.getCipherInfo('aes-128-ccm', { ivLength: 14 }), crypto.getCipherInfo('aes-128-cbc', { keyLength: 12 }),
  JSON.stringify(crypto.getCipherInfo('aes-128-ocb', { ivLength: 8, keyLength: 16 })));
for (const f of [() => crypto.getCipherInfo(null), () => crypto.getCipherInfo(1.5),
  () => crypto.getCipherInfo('aes-128-cbc', ''), () => crypto.getCipherInfo('aes-128-cbc', { keyLength: 'x' })]) {
  try { f(); } catch (e) { console.log(e.name, e.code); }
}

const key = Buffer.alloc(16, 1);
const iv = Buffer.alloc(16, 2);
const c = crypto.Cipheriv('aes-128-cbc', key, iv);
const d = new crypto.Decipheriv('aes-128-cbc', key, iv);
console.log(c instanceof crypto.Cipheriv, d instanceof crypto.Decipheriv, typeof c.setAuthTag, typeof d.getAuthTag,
  Object.keys(c), c._decoder);

// A multi-byte character split across update() calls is carried, in each output encoding.
for (const enc of ['utf8', 'utf16le', 'base64', 'hex', 'latin1']) {
  const e = crypto.createCipheriv('aes-128-ctr', key, iv);
  const ct = e.update('€uro ünïcödé ✓ text', 'utf8');
  const dd = crypto.createDecipheriv('aes-128-ctr', key, iv);
  const pieces = [dd.update(ct.subarray(0, 1), undefined, enc), dd.update(ct.subarray(1, 5), undefined, enc),
    dd.update(ct.subarray(5), undefined, enc), dd.final(enc)];
  console.log(enc, JSON.stringify(pieces));
}
try {
  const e = crypto.createCipheriv('aes-128-ctr', key, iv);
  e.update('abc', 'utf8', 'hex');
  e.update('abc', 'utf8', 'base64');
} catch (e) {
  console.log(e.code, e.message.split('\n')[0]);
}
console.log(crypto.createCipheriv('aes-128-cbc', key, iv).update('abc', 'latin1', 'hex'));

// Through a pipeline, in chunks.
const chunks = [];
pipeline(
  Readable.from([Buffer.from('stream '), Buffer.from('of '), Buffer.from('data that is long enough to span blocks')]),
  crypto.createCipheriv('aes-128-cbc', key, iv),
  crypto.createDecipheriv('aes-128-cbc', key, iv),
  new Writable({ write(chunk, _enc, cb) { chunks.push(chunk); cb(); } }),
  (err) => {
    console.log('pipeline', err, Buffer.concat(chunks).toString());
  },
);
