// RSA-2048 PKCS#1 v1.5 verification with SHA-256 (RS256): 2,000 one-shot crypto.verify calls of a
// signature made before timing.
const { time } = require('./timer.js');
const crypto = require('crypto');
const { message } = require('./data.js');
const OPS = 2000;
const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const sig = crypto.sign('sha256', message, privateKey);
time((n) => {
  let ok = 0;
  for (let i = 0; i < n; i++) ok += crypto.verify('sha256', message, publicKey, sig);
  if (ok !== n) throw new Error(`${n - ok} of ${n} verifications failed`);
}, OPS);
