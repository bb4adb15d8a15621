'use strict';
// crypto.subtle's experimental algorithms with fixed inputs (each warns once on stderr):
// ChaCha20-Poly1305, AES-OCB, KMAC128/256, Argon2id, Ed448 signatures, X448 agreement, and the
// experimental methods getPublicKey and SubtleCrypto.supports.
const { subtle } = globalThis.crypto;
const hex = (b) => Buffer.from(b).toString('hex');
const data = Buffer.from('experimental algorithms');

async function show(label, p) {
  try {
    const v = await p;
    console.log(label, v instanceof ArrayBuffer ? hex(v) : v);
  } catch (e) {
    console.log(label, e.name, e.message);
  }
}

(async () => {
  const chacha = await subtle.importKey('raw-secret', Buffer.alloc(32, 9), 'ChaCha20-Poly1305', true,
    ['encrypt', 'decrypt']);
  const iv = Buffer.alloc(12, 3);
  const sealed = await subtle.encrypt({ name: 'ChaCha20-Poly1305', iv, additionalData: Buffer.from('ad') }, chacha,
    data);
  console.log('ChaCha20-Poly1305', hex(sealed));
  await show('opened', subtle.decrypt({ name: 'ChaCha20-Poly1305', iv, additionalData: Buffer.from('ad') }, chacha,
    sealed).then((b) => Buffer.from(b).toString()));
  await show('raw export', subtle.exportKey('raw', chacha));
  console.log(await subtle.exportKey('jwk', chacha));

  const ocb = await subtle.importKey('raw-secret', Buffer.alloc(16, 4), 'AES-OCB', false, ['encrypt', 'decrypt']);
  for (const tagLength of [128, 64]) {
    const ct = await subtle.encrypt({ name: 'AES-OCB', iv, tagLength }, ocb, data);
    const pt = await subtle.decrypt({ name: 'AES-OCB', iv, tagLength }, ocb, ct);
    console.log('AES-OCB', tagLength, hex(ct), Buffer.from(pt).toString());
  }

  for (const name of ['KMAC128', 'KMAC256']) {
    const kmac = await subtle.importKey('raw-secret', Buffer.alloc(32, 5), { name }, false, ['sign', 'verify']);
    const params = { name, outputLength: 256, customization: Buffer.from('moat') };
    const mac = await subtle.sign(params, kmac, data);
    console.log(name, hex(mac), await subtle.verify(params, kmac, mac, data));
  }

  const password = await subtle.importKey('raw-secret', Buffer.from('password'), 'Argon2id', false, ['deriveBits']);
  await show('Argon2id', subtle.deriveBits({ name: 'Argon2id', nonce: Buffer.alloc(16, 2), parallelism: 2,
    memory: 64, passes: 2 }, password, 256));

  const ed = await subtle.importKey('jwk', {
    kty: 'OKP', crv: 'Ed448',
    x: 'kUciUd8URCU8P3CFnU6HL1NLE74C5SP4mSdc8yvjRlv130gEi9H9O9Qns38eKveOO4CVRHwzfh8A',
    d: 'jH1atUikNQLZIfGW7MDDAzRzY1PNfoMQGHt7Sd7txNfd4VVGKYQi2JypP6Vs8RwaTzz4DV5GRzX_',
  }, 'Ed448', true, ['sign']);
  const edSig = await subtle.sign('Ed448', ed, data);
  const edPub = await subtle.getPublicKey(ed, ['verify']);
  console.log('Ed448', hex(edSig), await subtle.verify('Ed448', edPub, edSig, data));
  console.log(await subtle.exportKey('jwk', edPub));
  const context = Buffer.from('context');
  const ctxSig = await subtle.sign({ name: 'Ed448', context }, ed, data);
  console.log('Ed448 with context', hex(ctxSig), await subtle.verify({ name: 'Ed448', context }, edPub, ctxSig, data),
    await subtle.verify('Ed448', edPub, ctxSig, data));

  const x448 = await subtle.generateKey('X448', false, ['deriveBits']);
  const other = await subtle.generateKey('X448', false, ['deriveBits']);
  const ab = await subtle.deriveBits({ name: 'X448', public: other.publicKey }, x448.privateKey, 448);
  const ba = await subtle.deriveBits({ name: 'X448', public: x448.publicKey }, other.privateKey, 448);
  console.log('X448 agree', ab.byteLength, hex(ab) === hex(ba));

  console.log('supports', SubtleCrypto.supports('encrypt', { name: 'AES-GCM', iv }),
    SubtleCrypto.supports('generateKey', 'Ed448'), SubtleCrypto.supports('sign', 'AES-GCM'),
    SubtleCrypto.supports('digest', 'SHA-256'), SubtleCrypto.supports('frobnicate', 'SHA-256'));
})();
