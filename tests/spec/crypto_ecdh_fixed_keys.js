'use strict';
// ECDH on each curve with fixed private keys: public points in the three forms, shared secrets,
// convertKey, and the errors of bad keys, points, formats and curves.
const crypto = require('crypto');

function show(label, f) {
  try {
    const r = f();
    console.log(label, Buffer.isBuffer(r) ? `<Buffer ${r.toString('hex')}>` : r);
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
}

console.log(crypto.getCurves().filter((c) => /^(prime256v1|secp256k1|secp384r1|secp521r1)$/.test(c)).join(' '));

const keys = {
  prime256v1: ['c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721', '0f'.repeat(32)],
  secp256k1: ['cafebabe'.repeat(8), 'deadbeef'.repeat(8)],
  secp384r1: ['6b9d3dad2e1b8c1c05b19875b6659f4de23c3b667bf297ba9aa47740787137d8' +
              '96d5724e4c70a825f872c9ea60d2edf5', '01'.repeat(48)],
  secp521r1: ['00fad06daa62ba3b25d2fb40133da757205de67f5bb0018fee8c86e1b68c7e75ca' +
              'a896eb32f1f47c70855836a6d16fcc1466f6d8fbec67db89ec0f', '01' + 'ab'.repeat(65)],
};

for (const [curve, [a, b]] of Object.entries(keys)) {
  const alice = crypto.createECDH(curve);
  const bob = crypto.ECDH(curve);
  alice.setPrivateKey(a, 'hex');
  bob.setPrivateKey(Buffer.from(b, 'hex'));
  console.log(curve, 'private', alice.getPrivateKey('hex'));
  for (const form of ['uncompressed', 'compressed', 'hybrid']) {
    console.log(curve, form, alice.getPublicKey('hex', form));
  }
  const s1 = alice.computeSecret(bob.getPublicKey('hex', 'compressed'), 'hex', 'hex');
  const s2 = bob.computeSecret(alice.getPublicKey(null, 'hybrid'));
  console.log(curve, 'secret', s1, s1 === s2.toString('hex'));
  const c = crypto.ECDH.convertKey(alice.getPublicKey('hex', 'compressed'), curve, 'hex', 'base64', 'uncompressed');
  console.log(curve, 'convertKey', c === alice.getPublicKey('base64'));
}

const k1 = crypto.createECDH('secp256k1');
show('no public key', () => k1.getPublicKey());
show('no private key', () => k1.getPrivateKey());
show('no keys computeSecret', () => k1.computeSecret(Buffer.alloc(33, 2)));
show('zero private key', () => k1.setPrivateKey(Buffer.alloc(32)));
show('private key = n', () =>
  k1.setPrivateKey('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141', 'hex'));
show('leading zeros', () => k1.setPrivateKey('0000' + '05', 'hex').getPrivateKey('hex'));
show('public from private', () => k1.getPublicKey('hex', 'compressed'));
show('bad format', () => k1.getPublicKey('hex', 'bogus'));
show('empty peer', () => k1.computeSecret(Buffer.alloc(0)));
show('infinity peer', () => k1.computeSecret(Buffer.from([0])));
show('peer off curve', () => k1.computeSecret(Buffer.from([4, 1, 2])));
const p256 = crypto.createECDH('prime256v1');
p256.generateKeys();
show('peer on other curve', () => k1.computeSecret(p256.getPublicKey()));
show('bad key type', () => k1.computeSecret(42));
show('unknown curve', () => crypto.createECDH('nope'));
show('nist name', () => crypto.createECDH('P-256'));
show('curve type', () => crypto.createECDH());
show('convertKey empty', () => JSON.stringify(crypto.ECDH.convertKey(Buffer.alloc(0), 'nope')));
show('convertKey curve', () => crypto.ECDH.convertKey('aa', 'nope', 'hex'));
show('convertKey format', () => crypto.ECDH.convertKey('aa', 'nope', 'hex', 'hex', 10));
show('convertKey point', () => crypto.ECDH.convertKey('f'.repeat(128), 'secp521r1', 'hex', 'hex'));
show('convertKey hybrid parity', () => crypto.ECDH.convertKey(
  '06' + k1.getPublicKey('hex').slice(2), 'secp256k1', 'hex', 'hex', 'compressed'));
console.log(Object.getOwnPropertyNames(crypto.ECDH.prototype).join(' '));
console.log(Object.getOwnPropertyNames(crypto.ECDH).join(' '));
