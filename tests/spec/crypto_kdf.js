// pbkdf2, scrypt and hkdf: known outputs in their sync and callback forms (the callbacks come
// later than the calling code), and Node's argument errors.
const crypto = require('crypto');

function show(label, fn) {
  try {
    const r = fn();
    const out = Buffer.isBuffer(r) ? `Buffer ${r.toString('hex')}` : r instanceof ArrayBuffer ? `ArrayBuffer ${Buffer.from(r).toString('hex')}` : String(r);
    console.log(label, out);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

// PBKDF2 (RFC 6070 vectors for SHA-1, more for the others).
show('pbkdf2 sha1 1', () => crypto.pbkdf2Sync('password', 'salt', 1, 20, 'sha1'));
show('pbkdf2 sha1 4096', () => crypto.pbkdf2Sync('password', 'salt', 4096, 20, 'sha1'));
show('pbkdf2 sha1 long', () => crypto.pbkdf2Sync('passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25, 'sha1'));
for (const d of ['md5', 'sha224', 'sha256', 'SHA512', 'sha3-256', 'ripemd160', 'blake2b512', 'RSA-SHA384']) {
  show(`pbkdf2 ${d}`, () => crypto.pbkdf2Sync('pw', 'salt', 100, 70, d));
}
show('pbkdf2 buffer inputs', () => crypto.pbkdf2Sync(Buffer.from('pw'), new Uint16Array([1, 2, 3]), 3, 16, 'sha256'));
show('pbkdf2 ArrayBuffer password', () => crypto.pbkdf2Sync(new ArrayBuffer(4), 'x', 1, 8, 'sha256'));
show('pbkdf2 empty password', () => crypto.pbkdf2Sync('', '', 2, 16, 'sha256'));
show('pbkdf2 iterations 0', () => crypto.pbkdf2Sync('p', 's', 0, 20, 'sha1'));
show('pbkdf2 iterations fraction', () => crypto.pbkdf2Sync('p', 's', 1.5, 20, 'sha1'));
show('pbkdf2 iterations too many', () => crypto.pbkdf2Sync('p', 's', 2 ** 31, 20, 'sha1'));
show('pbkdf2 keylen -1', () => crypto.pbkdf2Sync('p', 's', 1, -1, 'sha1'));
show('pbkdf2 keylen 0', () => crypto.pbkdf2Sync('p', 's', 1, 0, 'sha1'));
show('pbkdf2 keylen string', () => crypto.pbkdf2Sync('p', 's', 1, '20', 'sha1'));
show('pbkdf2 digest unknown', () => crypto.pbkdf2Sync('p', 's', 1, 20, 'nope'));
show('pbkdf2 digest missing', () => crypto.pbkdf2Sync('p', 's', 1, 20));
show('pbkdf2 digest xof', () => crypto.pbkdf2Sync('p', 's', 1, 20, 'shake128'));
show('pbkdf2 password number', () => crypto.pbkdf2Sync(5, 's', 1, 20, 'sha1'));
show('pbkdf2 salt object', () => crypto.pbkdf2Sync('p', {}, 1, 20, 'sha1'));
show('pbkdf2 no callback', () => crypto.pbkdf2('p', 's', 1, 20, 'sha1'));
show('pbkdf2 callback unknown digest', () => crypto.pbkdf2('p', 's', 1, 20, 'nope', () => {}));

// scrypt (RFC 7914 vectors where the memory limit allows).
show('scrypt rfc1', () => crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }));
show('scrypt rfc2', () => crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }));
show('scrypt defaults', () => crypto.scryptSync('p', 's', 16));
show('scrypt aliases', () => crypto.scryptSync('p', 's', 16, { cost: 32, blockSize: 2, parallelization: 3 }));
show('scrypt zero is default', () => crypto.scryptSync('p', 's', 16, { N: 0, r: 0, p: 0, maxmem: 0 }));
show('scrypt keylen 0', () => crypto.scryptSync('p', 's', 0));
show('scrypt options not object', () => crypto.scryptSync('p', 's', 16, 5));
show('scrypt N not power of 2', () => crypto.scryptSync('p', 's', 16, { N: 3 }));
show('scrypt N and cost', () => crypto.scryptSync('p', 's', 16, { N: 16, cost: 16 }));
show('scrypt r and blockSize', () => crypto.scryptSync('p', 's', 16, { r: 1, blockSize: 1 }));
show('scrypt p and parallelization', () => crypto.scryptSync('p', 's', 16, { p: 1, parallelization: 1 }));
show('scrypt over maxmem', () => crypto.scryptSync('p', 's', 16, { N: 2 ** 20 }));
show('scrypt N 32768', () => crypto.scryptSync('p', 's', 16, { N: 32768 }));
show('scrypt tiny maxmem', () => crypto.scryptSync('p', 's', 16, { N: 1024, maxmem: 1 }));
show('scrypt p*r too big', () => crypto.scryptSync('p', 's', 16, { N: 2, r: 1, p: 2 ** 30 }));
show('scrypt N too big for r', () => crypto.scryptSync('p', 's', 16, { N: 2 ** 16, r: 1, maxmem: 2 ** 40 }));
show('scrypt N string', () => crypto.scryptSync('p', 's', 16, { N: 'a' }));
show('scrypt r negative', () => crypto.scryptSync('p', 's', 16, { r: -1 }));
show('scrypt maxmem negative', () => crypto.scryptSync('p', 's', 16, { maxmem: -1 }));
show('scrypt keylen -1', () => crypto.scryptSync('p', 's', -1));
show('scrypt no callback', () => crypto.scrypt('p', 's', 16));
show('scrypt options as callback', () => crypto.scrypt('p', 's', 16, {}));
show('scrypt bad params no callback', () => crypto.scrypt('p', 's', 16, { N: 3 }));
show('hkdf bad digest no callback', () => crypto.hkdf('nope', 'k', 's', 'i', 16));
show('scrypt no arguments', () => crypto.scrypt());
show('scrypt bad salt no callback', () => crypto.scrypt('p'));
show('scrypt options null', () => crypto.scrypt('', '', 42, null));
show('hkdf no arguments', () => crypto.hkdf());
show('hkdf bad length no callback', () => crypto.hkdf('sha256', 'k', 's', 'i', -1));
show('hkdf too long callback', () => crypto.hkdf('sha256', 'k', 's', 'i', 255 * 32 + 1, () => {}));
show('scrypt callback bad params', () => crypto.scrypt('p', 's', 16, { N: 2 ** 20 }, () => {}));

// HKDF (RFC 5869 test case 1), returning an ArrayBuffer.
const ikm = Buffer.alloc(22, 0x0b);
const salt = Buffer.from('000102030405060708090a0b0c', 'hex');
const info = Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex');
show('hkdf rfc1', () => crypto.hkdfSync('sha256', ikm, salt, info, 42));
for (const d of ['sha1', 'md5', 'sha512', 'sha3-256', 'blake2s256', 'ripemd160']) {
  show(`hkdf ${d}`, () => crypto.hkdfSync(d, 'key', 'salt', 'info', 50));
}
show('hkdf empty salt and info', () => crypto.hkdfSync('sha256', 'key', '', '', 32));
show('hkdf max length', () => Buffer.from(crypto.hkdfSync('sha1', 'k', 's', 'i', 255 * 20)).length);
show('hkdf too long', () => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1));
show('hkdf length 0', () => crypto.hkdfSync('sha256', 'k', 's', 'i', 0));
show('hkdf length -1', () => crypto.hkdfSync('sha256', 'k', 's', 'i', -1));
show('hkdf length fraction', () => crypto.hkdfSync('sha256', 'k', 's', 'i', 1.5));
show('hkdf digest unknown', () => crypto.hkdfSync('nope', 'k', 's', 'i', 16));
show('hkdf digest xof', () => crypto.hkdfSync('shake128', 'k', 's', 'i', 16));
show('hkdf digest number', () => crypto.hkdfSync(5, 'k', 's', 'i', 16));
show('hkdf ikm number', () => crypto.hkdfSync('sha256', 5, 's', 'i', 16));
show('hkdf salt number', () => crypto.hkdfSync('sha256', 'k', 5, 'i', 16));
show('hkdf info too long', () => crypto.hkdfSync('sha256', 'k', 's', 'x'.repeat(1025), 16));
show('hkdf no callback', () => crypto.hkdf('sha256', 'k', 's', 'i', 16));

// Callback forms: each answers on a later turn, with what the sync form gives.
// Results of callbacks, printed at exit sorted by label: the thread pool finishes
// jobs in no fixed order.
const order = [];
const results = new Map();
function later(label, ...values) { results.set(label, values); }
crypto.pbkdf2('password', 'salt', 4096, 20, 'sha1', (err, key) => {
  order.push('pbkdf2');
  later('pbkdf2 cb', err, Buffer.isBuffer(key), key.toString('hex'));
});
crypto.pbkdf2('p', 's', 1, 0, 'sha1', (err, key) => {
  order.push('pbkdf2 error');
  later('pbkdf2 cb keylen 0', err && err.message, key);
});
crypto.scrypt('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }, (err, key) => {
  order.push('scrypt');
  later('scrypt cb', err, Buffer.isBuffer(key), key.toString('hex'));
});
crypto.scrypt('p', 's', 16, (err, key) => {
  order.push('scrypt defaults');
  later('scrypt cb defaults', err, key.toString('hex'));
});
crypto.hkdf('sha256', ikm, salt, info, 42, (err, key) => {
  order.push('hkdf');
  later('hkdf cb', err, key instanceof ArrayBuffer, Buffer.from(key).toString('hex'));
});
crypto.hkdf('shake256', 'k', 's', 'i', 4, (err, key) => {
  order.push('hkdf error');
  later('hkdf cb xof', err && err.message, key);
});
order.push('sync');
process.on('exit', () => {
  for (const label of [...results.keys()].sort()) console.log(label, ...results.get(label));
  console.log(order.indexOf('sync'), order.length, [...order].sort().join(','));
});
