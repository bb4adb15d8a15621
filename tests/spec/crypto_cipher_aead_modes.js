'use strict';
// CCM, OCB and ChaCha20-Poly1305: RFC vectors, round trips, update chunking, and their errors.
const crypto = require('crypto');
const hex = (s) => Buffer.from(s, 'hex');

function seal(name, key, iv, opts, aad, plain, aadOpts) {
  const c = crypto.createCipheriv(name, key, iv, opts);
  if (aad) c.setAAD(aad, aadOpts);
  const parts = [c.update(plain)];
  parts.push(c.final());
  return { ct: Buffer.concat(parts), tag: c.getAuthTag(), sizes: parts.map((p) => p.length) };
}

function open(name, key, iv, opts, aad, ct, tag, aadOpts) {
  const d = crypto.createDecipheriv(name, key, iv, opts);
  d.setAuthTag(tag);
  if (aad) d.setAAD(aad, aadOpts);
  const out = d.update(ct);
  try {
    return Buffer.concat([out, d.final()]).toString('hex');
  } catch (e) {
    return `${e.message} (update gave ${out.length})`;
  }
}

// CCM (SP 800-38C examples 1 and 2).
{
  const key = hex('404142434445464748494a4b4c4d4e4f');
  for (const [iv, aad, plain, tagLen] of [
    ['10111213141516', '0001020304050607', '20212223', 4],
    ['1011121314151617', '000102030405060708090a0b0c0d0e0f', '202122232425262728292a2b2c2d2e2f', 6],
  ]) {
    const p = hex(plain);
    const r = seal('aes-128-ccm', key, hex(iv), { authTagLength: tagLen }, hex(aad), p, { plaintextLength: p.length });
    console.log('ccm', r.ct.toString('hex'), r.tag.toString('hex'), r.sizes.join(','));
    console.log(open('aes-128-ccm', key, hex(iv), { authTagLength: tagLen }, hex(aad), r.ct, r.tag, { plaintextLength: p.length }));
    const bad = Buffer.from(r.tag);
    bad[0] ^= 1;
    console.log(open('aes-128-ccm', key, hex(iv), { authTagLength: tagLen }, hex(aad), r.ct, bad, { plaintextLength: p.length }));
  }
  const c = crypto.createCipheriv('aes-256-ccm', Buffer.alloc(32, 7), Buffer.alloc(13, 1), { authTagLength: 16 });
  console.log('ccm no aad', c.update('hello').toString('hex'), c.final().length, c.getAuthTag().toString('hex'));
}

// OCB (RFC 7253 appendix A).
{
  const key = hex('000102030405060708090a0b0c0d0e0f');
  const plain = hex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627');
  const r = seal('aes-128-ocb', key, hex('bbaa9988776655443322110d'), { authTagLength: 16 }, plain, plain);
  console.log('ocb', r.ct.toString('hex'), r.tag.toString('hex'), r.sizes.join(','));
  console.log(open('aes-128-ocb', key, hex('bbaa9988776655443322110d'), { authTagLength: 16 }, plain, r.ct, r.tag));
  const c = crypto.createCipheriv('aes-128-ocb', key, hex('bbaa99887766554433221101'), { authTagLength: 8 });
  const sizes = [c.update(plain.subarray(0, 5)).length, c.update(plain.subarray(5, 25)).length, c.update(plain.subarray(25, 32)).length, c.final().length];
  console.log('ocb sizes', sizes.join(','), c.getAuthTag().toString('hex'));
  for (const ivLen of [1, 6, 15]) {
    const q = seal('aes-256-ocb', Buffer.alloc(32, 3), Buffer.alloc(ivLen, 9), { authTagLength: 12 }, null, plain);
    console.log('ocb iv', ivLen, q.ct.toString('hex'), q.tag.toString('hex'));
  }
}

// ChaCha20-Poly1305 (RFC 8439 section 2.8.2) and plain ChaCha20.
{
  const key = hex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
  const iv = hex('070000004041424344454647');
  const aad = hex('50515253c0c1c2c3c4c5c6c7');
  const plain = Buffer.from("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
  const c = crypto.createCipheriv('chacha20-poly1305', key, iv);
  c.setAAD(aad);
  const sizes = [c.update(plain.subarray(0, 10)).length, c.update(plain.subarray(10)).length, c.final().length];
  const r = seal('chacha20-poly1305', key, iv, {}, aad, plain);
  console.log('chacha20-poly1305', sizes.join(','), r.ct.toString('hex'), r.tag.toString('hex'));
  console.log(Buffer.from(open('chacha20-poly1305', key, iv, {}, aad, r.ct, r.tag), 'hex').toString());
  const short = seal('chacha20-poly1305', key, iv, { authTagLength: 8 }, aad, plain);
  console.log('short tag', short.tag.toString('hex'), open('chacha20-poly1305', key, iv, { authTagLength: 8 }, aad, short.ct, short.tag).length);
  const s = crypto.createCipheriv('chacha20', key, hex('01000000000000000000004a00000000'));
  console.log('chacha20', s.update(plain.subarray(0, 30)).toString('hex'), s.update(plain.subarray(30, 64)).toString('hex'));
}

for (const f of [
  () => crypto.createCipheriv('aes-128-ccm', Buffer.alloc(16), Buffer.alloc(12)),
  () => crypto.createCipheriv('aes-128-ccm', Buffer.alloc(16), Buffer.alloc(6), { authTagLength: 16 }),
  () => crypto.createCipheriv('aes-128-ccm', Buffer.alloc(16), Buffer.alloc(12), { authTagLength: 7 }),
  () => crypto.createCipheriv('aes-128-ccm', Buffer.alloc(16), Buffer.alloc(12), { authTagLength: 16 }).setAAD(Buffer.alloc(2)),
  () => crypto.createCipheriv('aes-128-ccm', Buffer.alloc(16), Buffer.alloc(13), { authTagLength: 16 }).setAAD(Buffer.alloc(2), { plaintextLength: 70000 }),
  () => crypto.createCipheriv('aes-128-ccm', Buffer.alloc(16), Buffer.alloc(13), { authTagLength: 16 }).setAAD(Buffer.alloc(2), { plaintextLength: -1 }),
  () => { const c = crypto.createCipheriv('aes-128-ccm', Buffer.alloc(16), Buffer.alloc(12), { authTagLength: 16 }); c.update('a'); c.update('b'); },
  () => { const c = crypto.createCipheriv('aes-128-ccm', Buffer.alloc(16), Buffer.alloc(12), { authTagLength: 16 }); c.setAAD(Buffer.alloc(1), { plaintextLength: 3 }); c.update('ab'); },
  () => crypto.createDecipheriv('aes-128-ccm', Buffer.alloc(16), Buffer.alloc(12), { authTagLength: 16 }).setAuthTag(Buffer.alloc(8)),
  () => crypto.createCipheriv('aes-128-ocb', Buffer.alloc(16), Buffer.alloc(12)),
  () => crypto.createCipheriv('aes-128-ocb', Buffer.alloc(16), Buffer.alloc(16), { authTagLength: 16 }),
  () => crypto.createCipheriv('aes-128-ocb', Buffer.alloc(16), Buffer.alloc(12), { authTagLength: 17 }),
  () => crypto.createCipheriv('chacha20-poly1305', Buffer.alloc(32), Buffer.alloc(8)),
  () => crypto.createDecipheriv('chacha20-poly1305', Buffer.alloc(32), Buffer.alloc(12)).setAuthTag(Buffer.alloc(12)),
  () => crypto.createCipheriv('chacha20', Buffer.alloc(32), Buffer.alloc(12)),
  () => crypto.createCipheriv('aes-128-gcm', Buffer.alloc(16), Buffer.alloc(12)).setAAD(5),
]) {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}

// ChaCha20's 32-bit block counter carries into the nonce when it wraps, as OpenSSL's does.
for (const [ctr, n, split] of [['ffffffff', 80, 30], ['feffffff', 200, 64], ['ffffffff', 64, 64]]) {
  const x = crypto.createCipheriv('chacha20', Buffer.alloc(32, 1), hex(`${ctr}ffffffff0000000000000001`));
  console.log('chacha20 wrap', ctr, x.update(Buffer.alloc(split)).toString('hex') + x.update(Buffer.alloc(n - split)).toString('hex'));
}
