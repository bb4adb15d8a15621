'use strict';
// crypto.subtle's AES modes with fixed keys, IVs and counters (their outputs are fixed), AES-KW
// key wrapping, RSA-OAEP decryption of node:crypto's ciphertext, and AES-GCM between
// node:crypto's createCipheriv/createDecipheriv and crypto.subtle in both directions.
const crypto = require('crypto');
const { subtle } = globalThis.crypto;
const hex = (b) => Buffer.from(b).toString('hex');
const plaintext = Buffer.from('Web Crypto in moat: forty-three bytes long.');

(async () => {
  const key = Buffer.alloc(16, 0x11);
  const iv12 = Buffer.alloc(12, 0x22);
  const aad = Buffer.from('header');
  const gcm = await subtle.importKey('raw', key, 'AES-GCM', true, ['encrypt', 'decrypt']);
  for (const tagLength of [128, 96, 32]) {
    const ct = await subtle.encrypt({ name: 'AES-GCM', iv: iv12, additionalData: aad, tagLength }, gcm, plaintext);
    const back = await subtle.decrypt({ name: 'AES-GCM', iv: iv12, additionalData: aad, tagLength }, gcm, ct);
    console.log('AES-GCM', tagLength, hex(ct), Buffer.from(back).toString() === plaintext.toString());
  }
  const iv16 = Buffer.alloc(16, 0x33);
  console.log('AES-GCM 16-byte IV', hex(await subtle.encrypt({ name: 'AES-GCM', iv: iv16 }, gcm, plaintext)));

  // node:crypto encrypts, subtle decrypts; subtle encrypts, node:crypto decrypts.
  const cipher = crypto.createCipheriv('aes-128-gcm', key, iv12);
  cipher.setAAD(aad);
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  const opened = await subtle.decrypt({ name: 'AES-GCM', iv: iv12, additionalData: aad }, gcm, sealed);
  console.log('createCipheriv -> subtle', Buffer.from(opened).toString());
  const fromSubtle = Buffer.from(await subtle.encrypt({ name: 'AES-GCM', iv: iv12 }, gcm, plaintext));
  const decipher = crypto.createDecipheriv('aes-128-gcm', key, iv12);
  decipher.setAuthTag(fromSubtle.subarray(-16));
  console.log('subtle -> createDecipheriv',
    Buffer.concat([decipher.update(fromSubtle.subarray(0, -16)), decipher.final()]).toString());
  const tampered = Buffer.from(sealed);
  tampered[0] ^= 1;
  await subtle.decrypt({ name: 'AES-GCM', iv: iv12, additionalData: aad }, gcm, tampered)
    .catch((e) => console.log('tampered', e.name, e.message));

  const cbc = await subtle.importKey('raw', Buffer.alloc(32, 0x44), 'AES-CBC', false, ['encrypt', 'decrypt']);
  const cbcCt = await subtle.encrypt({ name: 'AES-CBC', iv: iv16 }, cbc, plaintext);
  console.log('AES-CBC', hex(cbcCt),
    Buffer.from(await subtle.decrypt({ name: 'AES-CBC', iv: iv16 }, cbc, cbcCt)).toString() === plaintext.toString());

  // An 8-bit counter that starts at 0xfe wraps to 0x00 within the block's last byte.
  const ctr = await subtle.importKey('raw', Buffer.alloc(24, 0x55), 'AES-CTR', false, ['encrypt']);
  const counter = Buffer.alloc(16, 0x66);
  counter[15] = 0xfe;
  console.log('AES-CTR length 8', hex(await subtle.encrypt({ name: 'AES-CTR', counter, length: 8 }, ctr, plaintext)));
  console.log('AES-CTR length 128', hex(await subtle.encrypt({ name: 'AES-CTR', counter, length: 128 }, ctr,
    plaintext)));

  const kek = await subtle.importKey('raw', Buffer.alloc(16, 0x77), 'AES-KW', false, ['wrapKey', 'unwrapKey']);
  const inner = await subtle.importKey('raw', Buffer.alloc(32, 0x88), { name: 'HMAC', hash: 'SHA-256' }, true,
    ['sign']);
  const wrapped = await subtle.wrapKey('raw', inner, kek, 'AES-KW');
  console.log('AES-KW', hex(wrapped));
  const unwrapped = await subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', { name: 'HMAC', hash: 'SHA-256' }, true,
    ['sign']);
  console.log('unwrapped', hex(await subtle.exportKey('raw', unwrapped)), unwrapped.algorithm.length);
  const gcmKek = await subtle.importKey('raw', key, 'AES-GCM', false, ['wrapKey', 'unwrapKey']);
  const jwkWrapped = await subtle.wrapKey('jwk', inner, gcmKek, { name: 'AES-GCM', iv: iv12 });
  const fromJwk = await subtle.unwrapKey('jwk', jwkWrapped, gcmKek, { name: 'AES-GCM', iv: iv12 },
    { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  console.log('wrapped as JWK', jwkWrapped.byteLength, fromJwk.extractable, fromJwk.usages);

  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  const oaepCt = crypto.publicEncrypt({ key: publicKey, oaepHash: 'sha256', oaepLabel: Buffer.from('label') },
    plaintext);
  const oaep = privateKey.toCryptoKey({ name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);
  const oaepPt = await subtle.decrypt({ name: 'RSA-OAEP', label: Buffer.from('label') }, oaep, oaepCt);
  console.log('RSA-OAEP from publicEncrypt', Buffer.from(oaepPt).toString());

  for (const [label, p] of [
    ['CBC IV', subtle.encrypt({ name: 'AES-CBC', iv: iv12 }, cbc, plaintext)],
    ['CTR length', subtle.encrypt({ name: 'AES-CTR', counter, length: 0 }, ctr, plaintext)],
    ['GCM tag length', subtle.encrypt({ name: 'AES-GCM', iv: iv12, tagLength: 100 }, gcm, plaintext)],
    ['GCM key for CBC', subtle.encrypt({ name: 'AES-CBC', iv: iv16 }, gcm, plaintext)],
    ['wrong usage', subtle.decrypt({ name: 'AES-CTR', counter, length: 8 }, ctr, plaintext)],
  ]) {
    await p.then(() => console.log(label, 'resolved'), (e) => console.log(label, e.name, e.message));
  }
})();
