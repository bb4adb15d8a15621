// X25519 key agreement: 5,000 crypto.diffieHellman calls with two key pairs generated before
// timing.
const { time } = require('./timer.js');
const crypto = require('crypto');
const OPS = 5000;
const alice = crypto.generateKeyPairSync('x25519');
const bob = crypto.generateKeyPairSync('x25519');
const expected = crypto.diffieHellman({ privateKey: bob.privateKey, publicKey: alice.publicKey });
time((n) => {
  let secret;
  for (let i = 0; i < n; i++) secret = crypto.diffieHellman({ privateKey: alice.privateKey, publicKey: bob.publicKey });
  if (!secret.equals(expected)) throw new Error('the two sides do not agree');
}, OPS);
