// node:crypto's exports (names and kinds), crypto.constants, timingSafeEqual, and Web Crypto's
// subtle.digest.
const crypto = require('crypto');
const nodeCrypto = require('node:crypto');

console.log(Object.keys(crypto).join(' '));
console.log(nodeCrypto === crypto, Object.keys(crypto).map((k) => typeof crypto[k]).join(' '));
const { OPENSSL_VERSION_NUMBER, ...constants } = crypto.constants;
console.log(constants);
console.log(Object.isFrozen(crypto.constants), 'OPENSSL_VERSION_NUMBER' in crypto.constants === (process.versions.openssl !== undefined));

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
show('tse equal', () => crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')));
show('tse differ', () => crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')));
show('tse views', () => crypto.timingSafeEqual(new Uint16Array([1]), Buffer.from([1, 0])));
show('tse ArrayBuffer', () => crypto.timingSafeEqual(new Uint8Array([5, 6]).buffer, new DataView(new Uint8Array([5, 6]).buffer)));
show('tse empty', () => crypto.timingSafeEqual(Buffer.alloc(0), new Uint8Array(0)));
show('tse length', () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')));
show('tse buf1 string', () => crypto.timingSafeEqual('a', Buffer.from('a')));
show('tse buf2 string', () => crypto.timingSafeEqual(Buffer.from('a'), 'a'));

const subtle = globalThis.crypto.subtle;
const data = new TextEncoder().encode('abc');
const cases = [['SHA-1', data], ['sha-256', data], [{ name: 'SHA-384' }, data], ['Sha-512', data.buffer],
  ['SHA-256', new DataView(data.buffer)], ['SHA-256', new Uint8Array(0)], ['SHA-224', data], ['MD5', data],
  [{}, data], [5, data], ['SHA-256', 'abc'], ['SHA-256', null]];
(async () => {
  for (const [alg, d] of cases) {
    try {
      const r = await subtle.digest(alg, d);
      console.log('digest', JSON.stringify(alg), r instanceof ArrayBuffer, Buffer.from(r).toString('hex'));
    } catch (e) {
      console.log('digest', JSON.stringify(alg), e.name, e.code, e.message);
    }
  }
  try { await subtle.digest('SHA-256'); } catch (e) { console.log('digest one arg', e.name, e.code, e.message); }
  const p = subtle.digest('SHA-1', data);
  console.log(p instanceof Promise);
  // The data is read when digest() is called.
  const mutable = new Uint8Array([1, 2, 3]);
  const q = subtle.digest('SHA-256', mutable);
  mutable[0] = 9;
  console.log(Buffer.from(await q).toString('hex'));
  console.log(Object.prototype.toString.call(subtle), Object.prototype.toString.call(globalThis.crypto));
})();
