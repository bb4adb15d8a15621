// The callback and promise forms read their inputs when called: changing the buffers afterwards
// does not change the result. Results print at exit, sorted (jobs finish in no fixed order).
const crypto = require('crypto');
const results = new Map();
const hex = (b) => Buffer.from(b).toString('hex');

const password = Buffer.from('password');
const salt = new Uint8Array([1, 2, 3, 4]);
const expectPbkdf2 = crypto.pbkdf2Sync(password, salt, 10, 16, 'sha256');
const expectScrypt = crypto.scryptSync(password, salt, 16, { N: 16 });
const expectHkdf = crypto.hkdfSync('sha256', password, salt, salt, 16);
crypto.pbkdf2(password, salt, 10, 16, 'sha256', (err, key) => results.set('pbkdf2', [err, key.equals(expectPbkdf2), hex(key)]));
crypto.scrypt(password, salt, 16, { N: 16 }, (err, key) => results.set('scrypt', [err, key.equals(expectScrypt), hex(key)]));
crypto.hkdf('sha256', password, salt, salt, 16, (err, key) => results.set('hkdf', [err, hex(key) === hex(expectHkdf), hex(key)]));
const data = new Uint8Array([9, 8, 7]);
globalThis.crypto.subtle.digest('SHA-256', data).then((d) => results.set('digest', [hex(d)]));
password.fill(0);
salt.fill(0);
data.fill(0);

process.on('exit', () => {
  for (const k of [...results.keys()].sort()) console.log(k, ...results.get(k));
});
