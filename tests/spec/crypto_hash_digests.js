// createHash across every algorithm, input kind and output encoding; copy(), XOF lengths,
// aliases, crypto.hash() and getHashes(). Expected digests are node24's.
const crypto = require('crypto');

const algorithms = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-224', 'sha512-256',
  'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'shake128', 'shake256', 'ripemd160', 'rmd160',
  'blake2b512', 'blake2s256', 'md5-sha1'];
const long = Buffer.from(Uint8Array.from({ length: 1000 }, (_, i) => (i * 7 + 3) & 0xff));
const inputs = ['', 'abc', 'héllo wörld ☃ 𝄞', long];

for (const alg of algorithms) {
  for (const input of inputs) {
    console.log(alg, typeof input === 'string' ? JSON.stringify(input) : `${input.length} bytes`,
      crypto.createHash(alg).update(input).digest('hex'));
  }
}

// Every output encoding, on one digest.
for (const enc of ['hex', 'base64', 'base64url', 'latin1', 'binary', 'utf16le', 'ucs2', 'HEX', 'Base64']) {
  console.log(enc, JSON.stringify(crypto.createHash('sha256').update('abc').digest(enc)));
}
const asBuffer = crypto.createHash('sha1').update('abc').digest();
console.log(Buffer.isBuffer(asBuffer), asBuffer.length, asBuffer.toString('hex'));
const named = crypto.createHash('sha1').update('abc').digest('buffer');
console.log(Buffer.isBuffer(named), named.toString('hex'));
const unknownEnc = crypto.createHash('md5').update('abc').digest('no-such-encoding');
console.log(Buffer.isBuffer(unknownEnc), unknownEnc.toString('hex'));

// update() with strings in every encoding.
for (const [data, enc] of [['616263', 'hex'], ['YWJj', 'base64'], ['YWJj', 'base64url'], ['abc', 'latin1'],
  ['\u00e9\u00ff', 'latin1'], ['\u00e9\u00ff', 'binary'], ['abc', 'utf16le'], ['abc', 'ucs2'], ['é', 'utf8'],
  ['é', 'utf-8'], ['abc', 'ascii'], ['abc', 'no-such-encoding'], ['abc', undefined]]) {
  console.log('update', enc, crypto.createHash('sha256').update(data, enc).digest('hex'));
}

// update() with any ArrayBufferView: the bytes it covers, not the whole buffer.
const ab = new ArrayBuffer(16);
new Uint8Array(ab).forEach((_, i, a) => { a[i] = i * 17; });
const views = [new Uint8Array(ab), new Uint8Array(ab, 3, 5), new Uint16Array(ab, 2, 3), new Int32Array(ab),
  new Float64Array(ab), new DataView(ab, 4, 8), new Uint8ClampedArray(ab, 1), Buffer.from(ab, 5, 6),
  new BigUint64Array(ab, 8)];
for (const v of views) {
  console.log('view', v.constructor.name, v.byteOffset, v.byteLength, crypto.createHash('sha1').update(v).digest('hex'));
}

// Incremental updates equal one update; update() returns the hash; copy() forks the state.
const whole = crypto.createHash('sha512').update(long).digest('hex');
const parts = crypto.createHash('sha512');
for (let i = 0; i < long.length; i += 97) console.log(parts.update(long.subarray(i, i + 97)) === parts ? '' : 'bad');
console.log('incremental', parts.digest('hex') === whole);
const h = crypto.createHash('sha256').update('ab');
const c = h.copy();
h.update('c');
c.update('d');
console.log('copy', h.digest('hex'), c.digest('hex'));
const x = crypto.createHash('shake256', { outputLength: 8 }).update('abc');
console.log('xof copy', x.copy({ outputLength: 40 }).digest('hex'), x.copy().digest('hex'), x.digest('hex'));

// Extendable outputs: any length; fixed digests accept only their own.
for (const n of [0, 1, 16, 32, 100]) {
  console.log('shake128', n, crypto.createHash('shake128', { outputLength: n }).update('abc').digest('hex'));
  console.log('shake256', n, crypto.createHash('shake256', { outputLength: n }).update('abc').digest('hex'));
}
console.log('sha256 own length', crypto.createHash('sha256', { outputLength: 32 }).update('abc').digest('hex'));

// Names are case-insensitive, with the aliases Node accepts.
for (const name of ['SHA256', 'Sha256', 'RSA-SHA256', 'sha256WithRSAEncryption', 'SHA-256', 'SHA2-256', 'RSA-MD5',
  'ssl3-md5', 'md5WithRSAEncryption', 'RSA-SHA1', 'RSA-SHA1-2', 'ssl3-sha1', 'sha1WithRSAEncryption', 'SHA-1',
  'RSA-SHA224', 'RSA-SHA384', 'RSA-SHA512', 'RSA-SHA512/224', 'RSA-SHA512/256', 'SHA512-224', 'sha512-256WithRSAEncryption',
  'RSA-SHA3-256', 'id-rsassa-pkcs1-v1_5-with-sha3-512', 'RSA-RIPEMD160', 'ripemd', 'ripemd160WithRSA', 'RIPEMD-160',
  'BLAKE2B512', 'BLAKE2b512', 'blake2S256', 'SHAKE128', 'shake-256', 'MD5-SHA1']) {
  console.log('name', name, crypto.createHash(name).update('abc').digest('hex'));
}

// crypto.hash(): hex by default, any encoding, Buffer on request, options for XOF lengths.
console.log('hash', crypto.hash('sha1', 'abc'));
console.log('hash', crypto.hash('SHA256', Buffer.from('abc'), 'base64'));
console.log('hash', crypto.hash('md5', new Uint16Array([0x6261, 0x63]), 'buffer').toString('hex'));
console.log('hash', crypto.hash('shake128', 'abc', { outputEncoding: 'base64url', outputLength: 10 }));
console.log('hash', crypto.hash('sha512', '', { outputLength: 64 }));

// getHashes(): the names Node lists (bar SM3, which moat lacks), each one usable.
const names = crypto.getHashes().filter((n) => !/sm3/i.test(n));
console.log(names.join(' '));
console.log(names.every((n) => crypto.createHash(n).update('x').digest().length > 0));
console.log(crypto.getHashes() !== crypto.getHashes(), Array.isArray(crypto.getHashes()));

// The objects.
const obj = crypto.createHash('sha1');
console.log(obj instanceof crypto.Hash, obj.constructor.name, Object.keys(obj), typeof obj.update, typeof obj.digest, typeof obj.copy);

// Strings with lone surrogates hash as their UTF-8 with U+FFFD in place, as Buffer.from makes them.
for (const s of ['a\ud800b', '\udc00', 'x\ud83d', '\ud83d\ude00']) {
  console.log('surrogates', JSON.stringify(s), crypto.createHash('sha1').update(s).digest('hex'),
    crypto.hash('md5', s), crypto.createHmac('sha256', s).update(s).digest('hex'));
}
