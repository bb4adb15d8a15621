// Ed25519 signatures: 5,000 one-shot crypto.sign calls on a JWT-sized message, with a key generated
// before timing.
const { time } = require('./timer.js');
const crypto = require('crypto');
const { message } = require('./data.js');
const OPS = 5000;
const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
time((n) => {
  let sig;
  for (let i = 0; i < n; i++) sig = crypto.sign(null, message, privateKey);
  if (!crypto.verify(null, message, publicKey, sig)) throw new Error('the signature does not verify');
}, OPS);
