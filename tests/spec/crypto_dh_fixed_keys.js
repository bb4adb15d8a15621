'use strict';
// Finite-field Diffie-Hellman with fixed private keys: public keys, shared secrets, padding,
// the checks of a peer's key, verifyError and the constructor's argument handling.
const crypto = require('crypto');

function show(label, f) {
  try {
    const r = f();
    console.log(label, Buffer.isBuffer(r) ? `<Buffer ${r.toString('hex')}>` : r);
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
}

const modp2 = crypto.getDiffieHellman('modp2');
const p = modp2.getPrime();
const alice = crypto.createDiffieHellman(p);
const bob = crypto.createDiffieHellman(p, 'hex', 2);
alice.setPrivateKey('0123456789abcdef'.repeat(4), 'hex');
bob.setPrivateKey(Buffer.from('fedcba9876543210'.repeat(4), 'hex'));
const aPub = alice.generateKeys('hex');
const bPub = bob.generateKeys();
console.log('alice public', aPub);
console.log('bob public', bPub.toString('base64'));
const s1 = alice.computeSecret(bPub, null, 'hex');
const s2 = bob.computeSecret(aPub, 'hex', 'hex');
console.log('secret', s1, s1 === s2);
console.log('generateKeys keeps a set key', alice.generateKeys('hex') === aPub);

// A secret shorter than the prime is padded with leading zeros.
const small = crypto.createDiffieHellman(p);
small.setPrivateKey(Buffer.from([2]));
show('padded', () => small.computeSecret(Buffer.from([3])).toString('hex'));

// The peer's key must lie in 1 < y < p - 1.
show('too small', () => alice.computeSecret(Buffer.from([1])));
show('zero', () => alice.computeSecret(Buffer.alloc(4)));
const pm1 = Buffer.from(p); pm1[pm1.length - 1] -= 1;
show('too large', () => alice.computeSecret(pm1));
show('bad type', () => alice.computeSecret(42));

// A named group knows its subgroup: p - 2 is not in it.
const g14 = crypto.getDiffieHellman('modp14');
g14.setPrivateKey !== undefined && console.log('group has setters');
const g14p = g14.getPrime();
const pm2 = Buffer.from(g14p); pm2[pm2.length - 1] -= 2;
g14.generateKeys();
show('outside subgroup', () => g14.computeSecret(pm2));
show('generator 5 accepts it', () => {
  const d = crypto.createDiffieHellman(g14p, 5);
  d.setPrivateKey(Buffer.from([2]));
  return d.computeSecret(pm2).toString('hex').slice(-6);
});

console.log('prime lengths', ['modp1', 'modp2', 'modp5', 'modp14', 'modp15', 'modp16', 'modp17', 'modp18']
  .map((n) => crypto.createDiffieHellmanGroup(n).getPrime().length).join(' '));
show('group generator', () => g14.getGenerator('hex'));
show('group name case', () => crypto.getDiffieHellman('MODP5').getPrime().length);
show('unknown group', () => crypto.getDiffieHellman('modp3'));
show('group verifyError', () => g14.verifyError);

for (const [hex, g] of [['02', 2], ['abcdef', 2], ['03', 2], ['0b', 2], ['ffffffffffffffc5', 5], ['', 2]]) {
  show(`verifyError ${hex || 'empty'} g=${g}`, () => crypto.createDiffieHellman(hex, 'hex', g).verifyError);
}
show('verifyError modp2 prime', () => crypto.createDiffieHellman(p, 2).verifyError);

show('no public key', () => crypto.createDiffieHellman(p).getPublicKey());
show('no private key', () => crypto.createDiffieHellman(p).getPrivateKey());
show('small modulus keys', () => crypto.createDiffieHellman('abcdef', 'hex').generateKeys());
show('leading zeros dropped', () => {
  const d = crypto.createDiffieHellman('0000abcdef', 'hex', '0003', 'hex');
  return [d.getPrime('hex'), d.getGenerator('hex')].join(' ');
});
show('generator as text', () => crypto.createDiffieHellman('abcdef', 'hex', 'zz').getGenerator('hex'));
show('encoding shift', () => crypto.createDiffieHellman('abcdef', 5, 'hex').getGenerator('hex'));
show('bad generator', () => crypto.createDiffieHellman('abcdef', 'hex', 1));
show('bad generator buffer', () => crypto.createDiffieHellman('abcdef', Buffer.from([0])));
show('size not int', () => crypto.createDiffieHellman(13.37));
show('size too small', () => crypto.createDiffieHellman(1));
show('size below 512', () => crypto.createDiffieHellman(256));
show('size with buffer generator', () => crypto.createDiffieHellman(512, Buffer.from([5])));
show('bad key type', () => crypto.createDiffieHellman({}));
show('bad generator type', () => crypto.createDiffieHellman('', 'base64', true));
show('without new', () => crypto.DiffieHellman('abcdef', 'hex') instanceof crypto.DiffieHellman);
show('group is no DiffieHellman', () => crypto.DiffieHellmanGroup('modp1') instanceof crypto.DiffieHellman);
console.log(Object.getOwnPropertyNames(crypto.DiffieHellman.prototype).join(' '));
console.log(Object.getOwnPropertyNames(crypto.DiffieHellmanGroup.prototype).join(' '));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(alice, 'verifyError')));
