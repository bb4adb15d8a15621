// Key encapsulation (crypto.encapsulate/decapsulate): RSASVE, DHKEM over P-256, X25519 and X448,
// and ML-KEM, each round trip checked; ciphertexts node made for the fixture keys decapsulated;
// ML-DSA signatures; and the errors of a wrong key.
'use strict';
const crypto = require('crypto');
const keys = require('./fixtures/keys/node.json');
const made = require('./fixtures/keys/kem.json');

for (const name of ['rsa', 'ec']) {
  const [secret, ciphertext] = made[name];
  const got = crypto.decapsulate(keys[name].pkcs8, Buffer.from(ciphertext, 'base64'));
  console.log(name, 'node-made', got.toString('base64') === secret);
}

const pairs = {
  rsa: { publicKey: keys.rsa.spki, privateKey: keys.rsa.pkcs8 },
  'P-256': crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  x25519: crypto.generateKeyPairSync('x25519'),
  x448: crypto.generateKeyPairSync('x448'),
  'ml-kem-768': crypto.generateKeyPairSync('ml-kem-768'),
};
for (const [name, { publicKey, privateKey }] of Object.entries(pairs)) {
  const { sharedKey, ciphertext } = crypto.encapsulate(publicKey);
  const again = crypto.decapsulate(privateKey, ciphertext);
  console.log(name, sharedKey.length, ciphertext.length, sharedKey.equals(again));
}

const { publicKey, privateKey } = crypto.generateKeyPairSync('ml-dsa-44');
console.log(publicKey.asymmetricKeyType, privateKey.asymmetricKeyDetails,
  Object.keys(privateKey.export({ format: 'jwk' })));
const signature = crypto.sign(null, Buffer.from('post-quantum'), privateKey);
console.log(signature.length, crypto.verify(null, Buffer.from('post-quantum'), publicKey, signature),
  crypto.verify(null, Buffer.from('post-quantum!'), publicKey, signature));
const reimported = crypto.createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }));
console.log(reimported.equals(privateKey));

const { ciphertext } = crypto.encapsulate(pairs.x25519.publicKey);
for (const f of [
  () => crypto.decapsulate(pairs.x448.privateKey, ciphertext),
  () => crypto.decapsulate(pairs.rsa.privateKey, null),
  () => crypto.sign('sha256', Buffer.from('x'), privateKey),
]) {
  try {
    f();
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
crypto.decapsulate(pairs.x448.privateKey, ciphertext, (err) => console.log('callback:', err.message));
