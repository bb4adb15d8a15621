'use strict';
// X509Certificate's public key, signature verification over the certificate and the match
// against a private key, for RSA (PKCS#1 v1.5 and PSS), ECDSA, Ed25519 and Ed448 certificates.
const { X509Certificate, createPrivateKey, createPublicKey, generateKeyPairSync } = require('crypto');
const data = require('./fixtures/x509/data.js');

const c = {};
for (const name of ['ca', 'leaf', 'ec', 'ec384', 'ed25519', 'ed448', 'pss', 'p521', 'k256']) {
  c[name] = new X509Certificate(data[name]);
}

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (err) {
    console.log(label, 'threw', err.name, err.code, JSON.stringify(err.message));
  }
}

for (const [name, cert] of Object.entries(c)) {
  const key = cert.publicKey;
  console.log(name, key.type, key.asymmetricKeyType, cert.publicKey === key,
              key.export({ type: 'spki', format: 'der' }).length);
}

const verifications = [['leaf', 'ca'], ['ca', 'ca'], ['leaf', 'leaf'], ['ec', 'ec'], ['ec384', 'ec'],
                       ['ec384', 'ca'], ['ed25519', 'ed25519'], ['ed448', 'ed448'], ['pss', 'ca'],
                       ['pss', 'ec'], ['ed25519', 'ec'], ['p521', 'p521'], ['k256', 'k256'],
                       ['k256', 'ec']];
for (const [subject, issuer] of verifications) {
  attempt(`${subject}.verify(${issuer})`, () => c[subject].verify(c[issuer].publicKey));
}
const other = generateKeyPairSync('ed25519');
attempt('verify other ed25519', () => c.ed25519.verify(other.publicKey));
attempt('verify private', () => c.ca.verify(createPrivateKey(data.caKey)));
attempt('verify object', () => c.ca.verify({}));
attempt('verify string', () => c.ca.verify('key'));

for (const [name, keyName] of [['ca', 'caKey'], ['leaf', 'leafKey'], ['ec', 'ecKey'],
                               ['ed25519', 'ed25519Key'], ['leaf', 'caKey'], ['ec384', 'ecKey'],
                               ['ed25519', 'ecKey']]) {
  attempt(`${name}.checkPrivateKey(${keyName})`, () => c[name].checkPrivateKey(createPrivateKey(data[keyName])));
}
attempt('checkPrivateKey other', () => c.ed25519.checkPrivateKey(other.privateKey));
attempt('checkPrivateKey public', () => c.ca.checkPrivateKey(createPublicKey(data.caKey)));
attempt('checkPrivateKey object', () => c.ca.checkPrivateKey({}));

// A certificate whose RSA modulus was made even: no signature verifies, and nothing panics.
{
  const raw = Buffer.from(c.ca.raw);
  const at = raw.indexOf(Buffer.from([0x02, 0x03, 0x01, 0x00, 0x01]));
  raw[at - 1] &= 0xfe;
  const even = new X509Certificate(raw);
  attempt('even modulus verify by ca', () => even.verify(c.ca.publicKey));
  attempt('even modulus issued', () => [even.checkIssued(even), even.checkIssued(c.ca), c.ca.checkIssued(even)]);
  attempt('even modulus legacy', () => [even.toLegacyObject().bits, even.toLegacyObject().modulus.slice(-4)]);
}
