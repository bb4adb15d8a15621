// RSA-2048 PKCS#1 v1.5 signatures with SHA-256 (RS256): 200 one-shot crypto.sign calls on a
// JWT-sized message, with a key generated before timing.
const { time } = require('./timer.js');
const crypto = require('crypto');
const { message } = require('./data.js');
const OPS = 200;
const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
time((n) => {
  let sig;
  for (let i = 0; i < n; i++) sig = crypto.sign('sha256', message, privateKey);
  if (!crypto.verify('sha256', message, publicKey, sig)) throw new Error('the signature does not verify');
}, OPS);
