'use strict';
// AES-GCM: streaming output per update, tags of several lengths, AAD in pieces, IVs of other
// lengths than 12, and a tampered message failing at final().
const crypto = require('crypto');

const key = Buffer.from('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308', 'hex');
const plain = Buffer.from('The quick brown fox jumps over the lazy dog, twice over.');

for (const [name, keyLen] of [['aes-128-gcm', 16], ['aes-192-gcm', 24], ['aes-256-gcm', 32]]) {
  for (const ivLen of [12, 1, 16, 60]) {
    for (const tagLen of [16, 12, 4]) {
      const k = key.subarray(0, keyLen);
      const iv = Buffer.alloc(ivLen, ivLen);
      const c = crypto.createCipheriv(name, k, iv, { authTagLength: tagLen });
      c.setAAD(Buffer.from('header'));
      c.setAAD(Buffer.from('-more'));
      const parts = [c.update(plain.subarray(0, 5)), c.update(plain.subarray(5, 40)), c.update(plain.subarray(40))];
      const last = c.final();
      const tag = c.getAuthTag();
      const ct = Buffer.concat([...parts, last]);
      console.log(name, ivLen, tagLen, parts.map((p) => p.length).join(','), last.length, ct.toString('hex'), tag.toString('hex'));

      const d = crypto.createDecipheriv(name, k, iv, { authTagLength: tagLen });
      d.setAAD(Buffer.from('header-more'));
      d.setAuthTag(tag);
      console.log(Buffer.concat([d.update(ct), d.final()]).toString());

      const bad = Buffer.from(ct);
      bad[3] ^= 1;
      const d2 = crypto.createDecipheriv(name, k, iv, { authTagLength: tagLen });
      d2.setAAD(Buffer.from('header-more'));
      d2.setAuthTag(tag);
      d2.update(bad);
      try {
        d2.final();
      } catch (e) {
        console.log('tampered:', e.message, e.code);
      }
    }
  }
}

// Errors of the GCM-specific calls.
const k = key.subarray(0, 16);
const iv = Buffer.alloc(12);
for (const f of [
  () => crypto.createCipheriv('aes-128-gcm', k, Buffer.alloc(0)),
  () => crypto.createCipheriv('aes-128-gcm', k, iv, { authTagLength: 6 }),
  () => crypto.createCipheriv('aes-128-gcm', k, iv, { authTagLength: 'x' }),
  () => crypto.createCipheriv('aes-128-gcm', k, iv).getAuthTag(),
  () => { const c = crypto.createCipheriv('aes-128-gcm', k, iv); c.update('x'); c.setAAD(Buffer.alloc(1)); },
  () => crypto.createDecipheriv('aes-128-gcm', k, iv).setAuthTag(Buffer.alloc(3)),
  () => crypto.createDecipheriv('aes-128-gcm', k, iv, { authTagLength: 14 }).setAuthTag(Buffer.alloc(12)),
  () => { const d = crypto.createDecipheriv('aes-128-gcm', k, iv); d.setAuthTag(Buffer.alloc(16)); d.setAuthTag(Buffer.alloc(16)); },
  () => crypto.createDecipheriv('aes-128-gcm', k, iv).final(),
  () => { const c = crypto.createCipheriv('aes-128-gcm', k, iv); c.final(); c.final(); },
  () => { const c = crypto.createCipheriv('aes-128-gcm', k, iv); c.final(); c.update('a'); },
]) {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
