// Keys and signatures made by node and by moat (fixtures/keys, written by make.js) are read in
// every encoding and checked against each other: whichever runtime runs this verifies the other's.
'use strict';
const crypto = require('crypto');
const path = require('path');
const message = Buffer.from('moat key fixtures');
const sets = {
  node: require(path.join(__dirname, 'fixtures/keys/node.json')),
  moat: require(path.join(__dirname, 'fixtures/keys/moat.json')),
};
for (const [who, set] of Object.entries(sets)) {
  for (const [name, k] of Object.entries(set)) {
    const hash = name === 'ed25519' ? null : 'sha256';
    const pub = crypto.createPublicKey(k.spki);
    const fromPkcs8 = crypto.createPrivateKey(k.pkcs8);
    const fromJwk = crypto.createPrivateKey({ key: k.jwk, format: 'jwk' });
    const sig = Buffer.from(k.signature, 'base64');
    const results = [
      crypto.verify(hash, message, pub, sig),
      crypto.verify(hash, message, fromPkcs8, sig),
      crypto.verify(hash, Buffer.from('other'), pub, sig),
      fromPkcs8.equals(fromJwk),
      crypto.createPublicKey(fromJwk).export({ type: 'spki', format: 'pem' }) === k.spki,
      fromPkcs8.export({ type: 'pkcs8', format: 'pem' }) === k.pkcs8,
      crypto.verify(hash, message, pub, crypto.sign(hash, message, fromJwk)),
    ];
    if (k.pkcs1) {
      const rsa = crypto.createPrivateKey(k.pkcs1);
      results.push(rsa.equals(fromPkcs8), rsa.export({ type: 'pkcs1', format: 'pem' }) === k.pkcs1);
      results.push(crypto.verify('sha256', message, { key: pub, padding: crypto.constants.RSA_PKCS1_PSS_PADDING },
        Buffer.from(k.pss, 'base64')));
      results.push(crypto.privateDecrypt(rsa, Buffer.from(k.encrypted, 'base64')).toString());
    }
    if (k.sec1) {
      const ec = crypto.createPrivateKey(k.sec1);
      results.push(ec.equals(fromPkcs8), ec.export({ type: 'sec1', format: 'pem' }) === k.sec1);
    }
    console.log(who, name, pub.asymmetricKeyType, JSON.stringify(pub.asymmetricKeyDetails, (_, v) =>
      typeof v === 'bigint' ? `${v}n` : v), results.join(' '));
  }
}
