'use strict';
// crypto.Certificate: SPKAC challenge, public key and signature, through the static methods
// and an instance, from strings, Buffers, views and ArrayBuffers.
const { Certificate } = require('crypto');
const util = require('util');
const data = require('./fixtures/x509/data.js');

function attempt(label, fn) {
  try {
    console.log(label, util.inspect(fn()));
  } catch (err) {
    console.log(label, 'threw', err.name, err.code, JSON.stringify(err.message));
  }
}

const valid = Buffer.from(data.spkac);
const ab = valid.buffer.slice(valid.byteOffset, valid.byteOffset + valid.byteLength);
for (const [label, cert] of [['static', Certificate], ['instance', new Certificate()],
                             ['called', Certificate()]]) {
  console.log('--', label, cert instanceof Certificate);
  attempt('verify', () => cert.verifySpkac(valid));
  attempt('verify string', () => cert.verifySpkac(data.spkac));
  attempt('verify ArrayBuffer', () => cert.verifySpkac(ab));
  attempt('verify DataView', () => cert.verifySpkac(new DataView(ab)));
  attempt('verify Uint16Array', () => cert.verifySpkac(new Uint16Array(ab.slice(0, ab.byteLength & ~1))));
  attempt('verify bad signature', () => cert.verifySpkac(Buffer.from(data.spkacBadSig)));
  attempt('verify garbage', () => cert.verifySpkac('not an spkac'));
  attempt('verify hex', () => cert.verifySpkac(valid.toString('hex'), 'hex'));
  attempt('challenge', () => cert.exportChallenge(valid).toString());
  attempt('challenge is Buffer', () => Buffer.isBuffer(cert.exportChallenge(data.spkac)));
  attempt('challenge garbage', () => cert.exportChallenge('not an spkac'));
  const pem = cert.exportPublicKey(valid);
  attempt('public key', () => [Buffer.isBuffer(pem), pem.toString() === data.spkacPublic]);
  attempt('public key garbage', () => cert.exportPublicKey(Buffer.from('AAAA')));
}
for (const bad of [1, {}, [], Infinity, true, undefined, null]) {
  attempt(`verify ${util.inspect(bad)}`, () => Certificate.verifySpkac(bad));
  attempt(`challenge ${util.inspect(bad)}`, () => Certificate.exportChallenge(bad));
  attempt(`public key ${util.inspect(bad)}`, () => Certificate.exportPublicKey(bad));
}
console.log(Object.keys(Certificate).join(','), Object.keys(Certificate.prototype).join(','));
console.log(Certificate.name, Certificate.length);
