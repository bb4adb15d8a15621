'use strict';
// crypto.subtle's signatures over fixed keys: HMAC, Ed25519 and RSASSA-PKCS1-v1_5 signatures are
// deterministic, an ECDSA signature made by node:crypto verifies, and tampered data does not.
const { subtle } = globalThis.crypto;
const data = Buffer.from('moat');
const hex = (b) => Buffer.from(b).toString('hex');

const edPkcs8 = Buffer.from(
  'MC4CAQAwBQYDK2VwBCIEIL44cLWnLlgvG1WDTW7JAp1Huip9W//LLKpRsxtHf9I6', 'base64');
const ecPkcs8 = Buffer.from(
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg0euJ9DADVMT10Sx7gS6CPLjpM+NTnaQjxDbcB2+aFMWhRANC' +
  'AAT3epIdHN8jGuGitYHYhiicFKsldhthf+l96mQYLYpzCV7m9uRXh35N58dMUMRjgf0agOBz8Wqy4viXvR8Z6FwQ', 'base64');
const ecSpki = Buffer.from(
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE93qSHRzfIxrhorWB2IYonBSrJXYbYX/pfepkGC2Kcwle5vbkV4d+TefHTFDE' +
  'Y4H9GoDgc/FqsuL4l70fGehcEA==', 'base64');
const rsaPkcs8 = Buffer.from(
  'MIICeAIBADANBgkqhkiG9w0BAQEFAASCAmIwggJeAgEAAoGBAMmd5QN0Imu7twEdrqKFrRoQyFkC8b8OnwEAlJN8+0rmI6ke' +
  'M/j4vmsMncarTPRpOYD7ie0poOxR89Fk9Ox02Gq8AuMbzJJ3NWIP5KKi9XOcSFTSjz+74Y4hDoNn8Alr6NwqJEaNxkTVexke' +
  'VDsUqonImwwAYzNhoWpx2apGa0EtAgMBAAECgYEAs7QmohNrcrcYAMiiFX4ssiTvTldPfknb85q+00789N94PY8MKAgeQXA3' +
  'WRLqPpdjh9GsOFV4d+r79VGU9QWYtsN4w/dUniFzrQGj1teFpjfB8EN8nL65wEgL4WZnqYWEzAbAl8MOvUta/8ux3M1Lp7xR' +
  '7umPzahzlmWw/8Ceh8kCQQD3NPAwH8vfEgQvIFizmFf7p7GYWRAP/qRwFwJ7w4enoEwWfMcSRsDLYxpGIPSteTU4OVCoTjMp' +
  '9XMi8D5d200XAkEA0MnQdMQcUN7f9DQwkmQWBTtSl3n3Ed++iH98kKmRCftEHL/qQmsHxvzIp/fGnxyNfi/hNg/VOVKn0Apu' +
  '2uw2WwJBAMoTGBP+qeSbEZiEVH3alnE8T0w94YdxnHGUHY+V8hnwSsJHFWO3OnoHdL7GybvUTNC86VXrNp+h6JAy2ohWb9kC' +
  'QHfy6bqbjDT9xiYS8bC4pVn+GdYCcOoo49qhe1vUvwm//AKUUy4zNTWhtlmhZM+2ZKeRNE6NzA7xqI1B4SwOtq8CQQCtPfML' +
  'pUGljIhtK0NoLB4iQ/YZH+bdjqhi19G1KBV5p1/kPFnyRe6N+hmGe4qbxSluyF01LQQu//GEq7YVFanZ', 'base64');
const rsaSpki = Buffer.from(
  'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDJneUDdCJru7cBHa6iha0aEMhZAvG/Dp8BAJSTfPtK5iOpHjP4+L5rDJ3G' +
  'q0z0aTmA+4ntKaDsUfPRZPTsdNhqvALjG8ySdzViD+SiovVznEhU0o8/u+GOIQ6DZ/AJa+jcKiRGjcZE1XsZHlQ7FKqJyJsM' +
  'AGMzYaFqcdmqRmtBLQIDAQAB', 'base64');
const ecSignature = Buffer.from(
  'QpMrfqw+5vcCQgCVHZMZttGUTgdyo3j/E2nFWMe2L+eJt1eqAxSnw2hVj7UKVxHuDNK4tsyJeLBF/p9ldIHG6w==', 'base64');

(async () => {
  const hmac = await subtle.importKey('raw', Buffer.alloc(32, 7), { name: 'HMAC', hash: 'SHA-256' }, false,
    ['sign', 'verify']);
  const mac = await subtle.sign('HMAC', hmac, data);
  console.log('HMAC', hex(mac), await subtle.verify('HMAC', hmac, mac, data),
    await subtle.verify('HMAC', hmac, mac, Buffer.from('moat!')));

  const ed = await subtle.importKey('pkcs8', edPkcs8, 'Ed25519', true, ['sign']);
  const edSig = await subtle.sign('Ed25519', ed, data);
  // The public half through node:crypto: KeyObject.from and keyObject.toCryptoKey.
  const { KeyObject, createPublicKey } = require('crypto');
  const edPub = createPublicKey(KeyObject.from(ed)).toCryptoKey('Ed25519', true, ['verify']);
  console.log('Ed25519', hex(edSig), await subtle.verify('Ed25519', edPub, edSig, data));
  console.log('Ed25519 raw public', hex(await subtle.exportKey('raw', edPub)));

  const rsaPriv = await subtle.importKey('pkcs8', rsaPkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false,
    ['sign']);
  const rsaPub = await subtle.importKey('spki', rsaSpki, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true,
    ['verify']);
  const rsaSig = await subtle.sign('RSASSA-PKCS1-v1_5', rsaPriv, data);
  console.log('RSASSA-PKCS1-v1_5', hex(rsaSig));
  console.log('verifies', await subtle.verify('RSASSA-PKCS1-v1_5', rsaPub, rsaSig, data));
  console.log('algorithm', rsaPub.algorithm.name, rsaPub.algorithm.modulusLength,
    hex(rsaPub.algorithm.publicExponent), rsaPub.algorithm.hash.name);

  const pss = await subtle.importKey('pkcs8', rsaPkcs8, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
  const pssPub = await subtle.importKey('spki', rsaSpki, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']);
  const pssSig = await subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, pss, data);
  console.log('RSA-PSS', pssSig.byteLength, await subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, pssPub,
    pssSig, data));

  const ecPub = await subtle.importKey('spki', ecSpki, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  console.log('ECDSA node-made', await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, ecPub, ecSignature, data),
    await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, ecPub, ecSignature, Buffer.from('moat!')));
  const ecPriv = await subtle.importKey('pkcs8', ecPkcs8, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const ecSig = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, ecPriv, data);
  console.log('ECDSA round trip', ecSig.byteLength,
    await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, ecPub, ecSig, data));
  console.log('raw point', hex(await subtle.exportKey('raw', ecPub)));

  for (const [label, p] of [
    ['sign with a verify key', subtle.sign('RSASSA-PKCS1-v1_5', rsaPub, data)],
    ['algorithm mismatch', subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, hmac, data)],
    ['PSS salt too long', subtle.sign({ name: 'RSA-PSS', saltLength: 200 }, pss, data)],
    ['export a non-extractable key', subtle.exportKey('pkcs8', rsaPriv)],
  ]) {
    await p.then(() => console.log(label, 'resolved'), (e) => console.log(label, e.name, e.message, e.cause?.code));
  }
})();
