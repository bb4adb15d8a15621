// createHmac over every hash HMAC takes, keys of every kind and length (RFC 4231 and RFC 2202
// vectors among them), and every output encoding. Expected values are node24's.
const crypto = require('crypto');

const algorithms = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-224', 'sha512-256',
  'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'ripemd160', 'blake2b512', 'blake2s256', 'RSA-SHA256', 'SHA1'];
const keys = ['', 'key', 'k'.repeat(64), 'k'.repeat(65), 'k'.repeat(200)];
for (const alg of algorithms) {
  for (const key of keys) {
    console.log(alg, key.length, crypto.createHmac(alg, key).update('The quick brown fox jumps over the lazy dog').digest('hex'));
  }
}

// RFC 4231 test case 2, and RFC 2202 test case 1.
console.log(crypto.createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex'));
console.log(crypto.createHmac('sha512', 'Jefe').update('what do ya want for nothing?').digest('hex'));
console.log(crypto.createHmac('md5', Buffer.alloc(16, 0x0b)).update('Hi There').digest('hex'));

// Keys as Buffer, views, ArrayBuffer, and strings in an encoding.
const raw = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
for (const key of [raw, new Uint8Array(raw), new Uint16Array(raw.buffer, raw.byteOffset, 8), new DataView(raw.buffer, raw.byteOffset, 16),
  raw.buffer.slice(raw.byteOffset, raw.byteOffset + 16), raw.subarray(4)]) {
  console.log('key', key.constructor.name, crypto.createHmac('sha256', key).update('data').digest('base64'));
}
console.log('encoded key', crypto.createHmac('sha1', '6b6579', { encoding: 'hex' }).update('x').digest('hex'));
console.log('encoded key', crypto.createHmac('sha1', 'a2V5', { encoding: 'base64' }).update('x').digest('hex'));

// Encodings out, incremental updates, update() chaining.
const mac = () => crypto.createHmac('sha384', 'secret').update('a').update(Buffer.from('b')).update('63', 'hex');
for (const enc of ['hex', 'base64', 'base64url', 'latin1']) console.log(enc, JSON.stringify(mac().digest(enc)));
console.log(mac().digest().length, mac().digest().equals(crypto.createHmac('sha384', 'secret').update('abc').digest()));
const o = crypto.createHmac('sha1', 'k');
console.log(o instanceof crypto.Hmac, o.update('x') === o, Object.keys(o), typeof o.copy);
