// Ed25519 verification: 5,000 one-shot crypto.verify calls of a signature made before timing.
const { time } = require('./timer.js');
const crypto = require('crypto');
const { message } = require('./data.js');
const OPS = 5000;
const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
const sig = crypto.sign(null, message, privateKey);
time((n) => {
  let ok = 0;
  for (let i = 0; i < n; i++) ok += crypto.verify(null, message, publicKey, sig);
  if (ok !== n) throw new Error(`${n - ok} of ${n} verifications failed`);
}, OPS);
