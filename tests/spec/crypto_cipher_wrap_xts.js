'use strict';
// AES key wrap (RFC 3394 and 5649, default and other IVs) and XTS.
const crypto = require('crypto');
const hex = (s) => Buffer.from(s, 'hex');

const kek = hex('000102030405060708090a0b0c0d0e0f1011121314151617');
for (const [name, k, iv, data] of [
  ['id-aes128-wrap', kek.subarray(0, 16), hex('a6a6a6a6a6a6a6a6'), hex('00112233445566778899aabbccddeeff')],
  ['id-aes192-wrap', kek, hex('a6a6a6a6a6a6a6a6'), hex('00112233445566778899aabbccddeeff0001020304050607')],
  ['aes128-wrap', kek.subarray(0, 16), Buffer.alloc(8), hex('00112233445566778899aabbccddeeff')],
  ['id-aes192-wrap-pad', kek, hex('a65959a6'), hex('c37b7e6492584340bed12207808941155068f738')],
  ['id-aes192-wrap-pad', kek, hex('a65959a6'), hex('466f7250617369')],
  ['aes256-wrap-pad', Buffer.alloc(32, 1), Buffer.alloc(4, 2), hex('0102030405')],
]) {
  const c = crypto.createCipheriv(name, k, iv);
  const wrapped = Buffer.concat([c.update(data), c.final()]);
  const d = crypto.createDecipheriv(name, k, iv);
  const back = Buffer.concat([d.update(wrapped), d.final()]);
  console.log(name, wrapped.toString('hex'), back.equals(data));
  const bad = Buffer.from(wrapped);
  bad[bad.length - 1] ^= 1;
  try {
    crypto.createDecipheriv(name, k, iv).update(bad);
  } catch (e) {
    console.log('tampered:', e.message);
  }
}
try {
  crypto.createCipheriv('id-aes128-wrap', kek.subarray(0, 16), hex('a6a6a6a6a6a6a6a6')).update(Buffer.alloc(12));
} catch (e) {
  console.log(e.message);
}

const xkey = hex('0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20');
for (const len of [16, 17, 31, 32, 100]) {
  const data = Buffer.alloc(len, len);
  const c = crypto.createCipheriv('aes-128-xts', xkey, Buffer.alloc(16, 5));
  const ct = Buffer.concat([c.update(data), c.final()]);
  const d = crypto.createDecipheriv('aes-128-xts', xkey, Buffer.alloc(16, 5));
  console.log('xts', len, ct.toString('hex'), Buffer.concat([d.update(ct), d.final()]).equals(data));
}
const x256 = Buffer.concat([xkey, Buffer.alloc(32, 0x33)]);
const c = crypto.createCipheriv('aes-256-xts', x256, Buffer.alloc(16));
console.log('xts256', c.update(Buffer.alloc(40, 1)).toString('hex'));
try {
  crypto.createCipheriv('aes-128-xts', xkey, Buffer.alloc(16)).update(Buffer.alloc(5));
} catch (e) {
  console.log(e.message);
}
