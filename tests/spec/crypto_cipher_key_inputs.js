'use strict';
// The forms a key and IV may take (strings, views, ArrayBuffers, secret KeyObjects), the
// errors of the wrong ones, and output encodings checked before they are compared.
const crypto = require('crypto');

const bytes = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
const iv = Buffer.alloc(16, 9);
const forms = {
  buffer: bytes,
  uint16: new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 16)),
  dataview: new DataView(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 16)),
  arraybuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 16),
  keyobject: crypto.createSecretKey(bytes),
  string: 'sixteen byte key',
};
for (const [name, key] of Object.entries(forms)) {
  const c = crypto.createCipheriv('aes-128-cbc', key, iv);
  console.log(name, c.update('hello', 'utf8', 'hex') + c.final('hex'));
}
const c = crypto.createCipheriv('aes-128-ctr', bytes, 'a string iv 16 b');
console.log('string iv', c.update('hello').toString('base64'));

const { publicKey } = crypto.generateKeyPairSync('ed25519');
for (const f of [
  () => crypto.createCipheriv('aes-128-cbc', publicKey, iv),
  () => crypto.createCipheriv('aes-128-cbc', crypto.createSecretKey(Buffer.alloc(24)), iv),
  () => crypto.createCipheriv('aes-128-cbc', {}, iv),
  () => crypto.createCipheriv('aes-128-cbc', bytes, {}),
  () => { const x = crypto.createCipheriv('aes-128-cbc', bytes, iv); x.update('a', 'utf8', 'utf8'); x.final('bad2'); },
  () => { const x = crypto.createCipheriv('aes-128-cbc', bytes, iv); x.update('a', 'utf8', 'utf8'); x.final('hex'); },
  () => crypto.createCipheriv('aes-128-cbc', bytes, iv).update('a', 'utf8', 'bad3'),
]) {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message.split('\n')[0]);
  }
}

// A string key in options.encoding (the IV is always UTF-8).
{
  const x = crypto.createCipheriv('aes-128-cbc', '00'.repeat(16), Buffer.alloc(16), { encoding: 'hex' });
  console.log('hex key', x.update('a', 'utf8', 'hex') + x.final('hex'));
  try {
    crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), '00'.repeat(16), { encoding: 'hex' });
  } catch (e) {
    console.log(e.code);
  }
}

// OCB's associated data is one stream, whether it comes before, between or after the text.
{
  const tag = (steps) => {
    const x = crypto.createCipheriv('aes-128-ocb', Buffer.alloc(16), Buffer.alloc(12), { authTagLength: 16 });
    const out = [];
    for (const [what, n] of steps) {
      if (what === 'aad') x.setAAD(Buffer.alloc(n, 1));
      else out.push(x.update(Buffer.alloc(n, 2)));
    }
    out.push(x.final());
    return `${Buffer.concat(out).toString('hex')} ${x.getAuthTag().toString('hex')}`;
  };
  console.log(tag([['aad', 3], ['text', 3], ['aad', 13], ['text', 20], ['aad', 5]]));
  console.log(tag([['aad', 21], ['text', 23]]));
}
