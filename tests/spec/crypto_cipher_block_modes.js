'use strict';
// Block and stream modes: known ciphertexts, how much each update() returns, padding on and
// off, and the OpenSSL errors of a bad final block.
const crypto = require('crypto');

const key32 = Buffer.from('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4', 'hex');
const key24 = Buffer.from('0123456789abcdeffedcba987654321089abcdef01234567', 'hex');
const iv16 = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
const plain = Buffer.from('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411', 'hex');

const cases = [];
for (const bits of [128, 192, 256]) {
  for (const mode of ['cbc', 'ecb', 'ctr', 'cfb', 'cfb8', 'cfb1', 'ofb']) cases.push([`aes-${bits}-${mode}`, bits / 8]);
}
cases.push(['aes128', 16], ['aes256', 32], ['des-ede3-cbc', 24], ['des-ede3', 24], ['des3', 24],
  ['des-ede-cbc', 16], ['des-ede', 16], ['des-ede3-cfb', 24], ['des-ede3-ofb', 24], ['des-ede3-cfb8', 24]);

for (const [name, keyLen] of cases) {
  const info = crypto.getCipherInfo(name);
  const k = key32.subarray(0, keyLen);
  const iv = info.ivLength ? iv16.subarray(0, info.ivLength) : null;
  const c = crypto.createCipheriv(name, k, iv);
  const sizes = [c.update(plain.subarray(0, 7)).length];
  const c2 = crypto.createCipheriv(name, k, iv);
  const ct = Buffer.concat([c2.update(plain.subarray(0, 7)), c2.update(plain.subarray(7, 33)), c2.update(plain.subarray(33)), c2.final()]);
  const d = crypto.createDecipheriv(name, k, iv);
  const out = [d.update(ct.subarray(0, 9)), d.update(ct.subarray(9)), d.final()];
  sizes.push(...out.map((b) => b.length));
  console.log(name, sizes.join(','), ct.toString('hex'), Buffer.concat(out).equals(plain));
}

// Padding turned off: whole blocks only.
{
  const c = crypto.createCipheriv('aes-256-cbc', key32, iv16).setAutoPadding(false);
  const ct = Buffer.concat([c.update(plain.subarray(0, 32)), c.final()]);
  console.log('nopad', ct.toString('hex'));
  const d = crypto.createDecipheriv('aes-256-cbc', key32, iv16);
  d.setAutoPadding(false);
  console.log('nopad back', Buffer.concat([d.update(ct), d.final()]).equals(plain.subarray(0, 32)));
}
// Triple DES with a 24-byte key from a string.
{
  const c = crypto.createCipheriv('des-ede3-cbc', key24, Buffer.alloc(8, 1));
  console.log('3des', c.update('hello world', 'utf8', 'hex') + c.final('hex'));
}

for (const f of [
  () => { const c = crypto.createCipheriv('aes-128-cbc', key32.subarray(0, 16), iv16); c.setAutoPadding(false); c.update('abc'); c.final(); },
  () => { const d = crypto.createDecipheriv('aes-128-cbc', key32.subarray(0, 16), iv16); d.update(Buffer.alloc(20)); d.final(); },
  () => { const d = crypto.createDecipheriv('aes-128-cbc', key32.subarray(0, 16), iv16); d.update(Buffer.alloc(16)); d.final(); },
  () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(15), iv16),
  () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(15)),
  () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), null),
  () => crypto.createCipheriv('aes-128-ecb', Buffer.alloc(16), Buffer.alloc(1)),
  () => crypto.createCipheriv('aes-128-ecb', Buffer.alloc(16)),
  () => crypto.createCipheriv('aes-129-cbc', Buffer.alloc(16), iv16),
  () => crypto.createCipheriv(null, Buffer.alloc(16), iv16),
  () => crypto.createCipheriv('aes-128-cbc', 5, iv16),
  () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), 5),
  () => crypto.createCipheriv('des-cbc', Buffer.alloc(8), Buffer.alloc(8)),
  () => crypto.createCipheriv('aes-128-xts', Buffer.alloc(32), iv16),
  () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), iv16).update(5),
  () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), iv16).update('abc', 'hex'),
  () => { const c = crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), iv16); c.final(); c.setAutoPadding(true); },
  () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), iv16).setAAD(Buffer.alloc(1)),
  () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), iv16).getAuthTag(),
]) {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message, e.reason === undefined ? '' : e.reason);
  }
}
