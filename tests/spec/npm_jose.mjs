// JSON Web Tokens and JWKs through the jose package (tests/npm), which works on Web Crypto: HS256,
// RS256, ES256 and EdDSA tokens signed and verified here, a token node signed verified, keys
// imported from PEM and JWK and exported again, and the package's errors.
import * as jose from '../npm/node_modules/jose/dist/webapi/index.js';
import { readFileSync } from 'node:fs';

const keys = JSON.parse(readFileSync(new URL('./fixtures/keys/node.json', import.meta.url), 'utf8'));
const payload = { sub: 'moat', iat: 1700000000 };

const secret = new TextEncoder().encode('a shared secret of thirty-two bytes!');
const hs = await new jose.SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(secret);
console.log(hs);
console.log((await jose.jwtVerify(hs, secret)).payload);

const rsaPrivate = await jose.importPKCS8(keys.rsa.pkcs8, 'RS256');
const rsaPublic = await jose.importSPKI(keys.rsa.spki, 'RS256');
const rs = await new jose.SignJWT(payload).setProtectedHeader({ alg: 'RS256' }).sign(rsaPrivate);
console.log(rs);
console.log((await jose.jwtVerify(rs, rsaPublic)).protectedHeader);

const edPrivate = await jose.importJWK(keys.ed25519.jwk, 'EdDSA');
const edPublic = await jose.importSPKI(keys.ed25519.spki, 'EdDSA');
const ed = await new jose.SignJWT(payload).setProtectedHeader({ alg: 'EdDSA' }).sign(edPrivate);
console.log(ed);
console.log((await jose.jwtVerify(ed, edPublic)).payload.sub);

// ES256 signatures are randomized: only the check is printed.
const ecPrivate = await jose.importPKCS8(keys.ec.pkcs8, 'ES256');
const ecPublic = await jose.importSPKI(keys.ec.spki, 'ES256');
const es = await new jose.SignJWT(payload).setProtectedHeader({ alg: 'ES256' }).sign(ecPrivate);
console.log('ES256', es.split('.').length, (await jose.jwtVerify(es, ecPublic)).payload.sub);

// Signed by node 24 with the same EC key.
const nodeEs256 = 'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJub2RlIiwiaWF0IjoxNzAwMDAwMDAwfQ.' +
  'fmUkbsk4IztTEvDjEmpb0mdrtc6ae2kRtwOD90ARpc5gKF36VIfXYnqgIpvzsVXZPZoulIbR-9hPE8wT9QXSAQ';
console.log((await jose.jwtVerify(nodeEs256, ecPublic)).payload);

console.log(await jose.exportJWK(ecPublic));
console.log((await jose.exportSPKI(rsaPublic)) === keys.rsa.spki);
console.log(await jose.calculateJwkThumbprint(await jose.exportJWK(edPublic)));

for (const [token, key] of [[hs, new TextEncoder().encode('another secret of thirty-two bytes')], [rs, ecPublic],
  [nodeEs256.slice(0, -4) + 'AAAA', ecPublic]]) {
  try {
    await jose.jwtVerify(token, key);
    console.log('verified?');
  } catch (err) {
    console.log(err.code, err.message);
  }
}

// Encrypted JWTs: AES-GCM with a direct key.
const aes = new Uint8Array(32).fill(7);
const jwe = await new jose.EncryptJWT(payload).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(aes);
console.log(jwe.split('.').length, (await jose.jwtDecrypt(jwe, aes)).payload);
