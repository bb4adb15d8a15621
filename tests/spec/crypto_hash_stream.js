// Hash and Hmac objects are stream.Transforms: what is written is hashed, and the digest is the
// one chunk read at the end (a Buffer, or a string after setEncoding).
const crypto = require('crypto');
const { Readable, Transform, pipeline } = require('stream');
const h = crypto.createHash('sha256');
console.log(h instanceof Transform, h.readable, h.writable);
Readable.from(['ab', 'c']).pipe(h).setEncoding('hex').on('data', (d) => console.log('piped', d));
const m = crypto.createHmac('sha1', 'key');
m.write('hel');
m.end('lo');
const out = m.read();
console.log(Buffer.isBuffer(out), out.toString('hex'));
pipeline(Readable.from([Buffer.from('x')]), crypto.createHash('md5'), async function* (source) {
  for await (const chunk of source) console.log('pipeline', chunk.toString('hex'));
}, (err) => console.log('done', err));
console.log(crypto.createHash('sha1').update('plain').digest('base64'));
