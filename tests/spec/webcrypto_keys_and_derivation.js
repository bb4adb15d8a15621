'use strict';
// crypto.subtle's key management and derivations with fixed inputs: CryptoKey's shape and
// inspection, JWK and raw import/export, ECDH and X25519 shared secrets from fixed keys, HKDF,
// PBKDF2 and deriveKey, and the errors of bad arguments (names, codes and messages).
const util = require('util');
const { subtle } = globalThis.crypto;
const hex = (b) => Buffer.from(b).toString('hex');

const x25519Private = {"crv": "X25519", "d": "OKeqZDMn8TcjZsOSH90sVgitVLCpLUBGLqVW-fnjnGE", "x": "xUa-ZIhnq-6rKjlb2t2107FQCKTobl9qFwqT3egRLVU", "kty": "OKP"};
const x25519Public = {"crv": "X25519", "x": "Grx9mBWEtYO38Rz8rOV9P93tLDkab0PWcEg50OWovl0", "kty": "OKP"};
const p384Private = {"kty": "EC", "x": "VejQtd1YOUkVxkupigDuhgVhUDi_WBA5WmCJcVx6130Nl4zYyT03BabLey2wezGz", "y": "_EPQVA8dT8msB9FyF-US6aPPJBjEAZXXlN2mMhS2gPNOq0jb73f_CGo-pyZBxFiw", "crv": "P-384", "d": "iLOTbuESaG5F5y-0E2EFazUQ_EZ9Ln3o2FWZbOzHLp0I_cPk4hvA4MeSfLsCUkNu"};
const p384Public = {"kty": "EC", "x": "i__mHAsSvM9TBd9-BLK1TOs-rl3y6kUT7wch7UaFLLR-N_dRulidXyNZcQQcNfbK", "y": "r5uS-g6QAGWoBehIU1_3P6whq8AF4srnuNBmQ_6kH-vaA1lU-s_-Tdy4f6o93y1L", "crv": "P-384"};

async function show(label, p) {
  try {
    const v = await p;
    console.log(label, v instanceof ArrayBuffer ? hex(v) : v);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

(async () => {
  try {
    new CryptoKey();
  } catch (e) {
    console.log('new CryptoKey()', e.name, e.code, e.message);
  }
  const hmac = await subtle.importKey('raw', Buffer.alloc(20, 1), { name: 'HMAC', hash: 'SHA-384' }, true,
    ['verify', 'sign']);
  console.log(util.inspect(hmac, { depth: 4 }));
  console.log(String(hmac), Object.keys(hmac), hmac.algorithm === hmac.algorithm, hmac.usages === hmac.usages);
  console.log(util.types.isCryptoKey(hmac), hmac instanceof CryptoKey, Object.getOwnPropertyNames(CryptoKey.prototype));
  console.log(await subtle.exportKey('jwk', hmac));

  const aes = await subtle.importKey('jwk', { kty: 'oct', k: 'AAECAwQFBgcICQoLDA0ODw', alg: 'A128CBC', ext: true },
    'AES-CBC', true, ['encrypt']);
  console.log(aes.algorithm, await subtle.exportKey('jwk', aes));

  const x = await subtle.importKey('jwk', x25519Private, 'X25519', false, ['deriveBits']);
  const xPub = await subtle.importKey('jwk', x25519Public, 'X25519', true, []);
  await show('X25519', subtle.deriveBits({ name: 'X25519', public: xPub }, x, 256));
  await show('X25519 20 bits', subtle.deriveBits({ name: 'X25519', public: xPub }, x, 20));
  console.log('X25519 public', await subtle.exportKey('jwk', xPub));

  const e = await subtle.importKey('jwk', p384Private, { name: 'ECDH', namedCurve: 'P-384' }, false,
    ['deriveBits', 'deriveKey']);
  const ePub = await subtle.importKey('jwk', p384Public, { name: 'ECDH', namedCurve: 'P-384' }, true, []);
  await show('ECDH', subtle.deriveBits({ name: 'ECDH', public: ePub }, e, null));
  await show('ECDH too long', subtle.deriveBits({ name: 'ECDH', public: ePub }, e, 400));
  const ecdhAes = await subtle.deriveKey({ name: 'ECDH', public: ePub }, e, { name: 'AES-GCM', length: 256 }, true,
    ['encrypt']);
  await show('ECDH deriveKey', subtle.exportKey('raw', ecdhAes));
  await show('raw P-384 point', subtle.exportKey('raw', ePub));

  const ikm = await subtle.importKey('raw', Buffer.from('input key material'), 'HKDF', false, ['deriveBits']);
  await show('HKDF', subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: Buffer.from('salt'),
    info: Buffer.from('info') }, ikm, 336));
  const pw = await subtle.importKey('raw', Buffer.from('password'), 'PBKDF2', false, ['deriveBits', 'deriveKey']);
  await show('PBKDF2', subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-512', salt: Buffer.from('salt'),
    iterations: 1000 }, pw, 256));
  const derived = await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: Buffer.from('salt'),
    iterations: 10 }, pw, { name: 'HMAC', hash: 'SHA-1' }, true, ['sign']);
  console.log('PBKDF2 deriveKey', derived.algorithm, hex(await subtle.exportKey('raw', derived)));

  await show('unknown algorithm', subtle.importKey('raw', Buffer.alloc(16), 'AES-XYZ', true, ['encrypt']));
  await show('missing hash', subtle.importKey('raw', Buffer.alloc(16), 'HMAC', true, ['sign']));
  await show('bad format', subtle.importKey('der', Buffer.alloc(16), 'AES-GCM', true, ['encrypt']));
  await show('bad usage', subtle.importKey('raw', Buffer.alloc(16), 'AES-GCM', true, ['sign']));
  await show('unknown usage', subtle.importKey('raw', Buffer.alloc(16), 'AES-GCM', true, ['fly']));
  await show('empty usages', subtle.importKey('raw', Buffer.alloc(16), 'AES-GCM', true, []));
  await show('key length', subtle.importKey('raw', Buffer.alloc(15), 'AES-GCM', true, ['encrypt']));
  await show('extractable HKDF', subtle.importKey('raw', Buffer.alloc(15), 'HKDF', true, ['deriveBits']));
  await show('too few arguments', subtle.importKey('raw', Buffer.alloc(16)));
  await show('not a buffer', subtle.importKey('raw', 'key', 'AES-GCM', true, ['encrypt']));
  await show('JWK use', subtle.importKey('jwk', { kty: 'oct', k: 'AAECAwQFBgcICQoLDA0ODw', use: 'sig' }, 'AES-CBC',
    true, ['encrypt']));
  await show('JWK alg', subtle.importKey('jwk', { kty: 'oct', k: 'AAECAwQFBgcICQoLDA0ODw', alg: 'A256CBC' },
    'AES-CBC', true, ['encrypt']));
  await show('counter range', subtle.encrypt({ name: 'AES-CTR', counter: Buffer.alloc(16), length: 256 }, aes,
    Buffer.alloc(1)));
  await show('HKDF length', subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: Buffer.alloc(0),
    info: Buffer.alloc(0) }, ikm, 12));
  await show('HKDF null length', subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: Buffer.alloc(0),
    info: Buffer.alloc(0) }, ikm));
  await show('deriveKey usage', subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: Buffer.alloc(0),
    info: Buffer.alloc(0) }, ikm, { name: 'AES-GCM', length: 128 }, false, ['encrypt']));
  await show('curve', subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-192' }, true, ['sign']));
  await show('AES length', subtle.generateKey({ name: 'AES-GCM', length: 64 }, true, ['encrypt']));
  await show('illegal invocation', subtle.sign.call({}, 'HMAC', hmac, Buffer.alloc(1)));
})();
