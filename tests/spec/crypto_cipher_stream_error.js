'use strict';
// A decipher used as a stream reports a bad final block as an 'error' event, and a cipher
// written to and read from directly gives its whole output.
const crypto = require('crypto');

const key = Buffer.alloc(16, 1);
const iv = Buffer.alloc(16, 2);
const bad = crypto.createDecipheriv('aes-128-cbc', key, iv);
bad.on('error', (e) => console.log('stream error', e.code, e.message));
bad.on('finish', () => console.log('finish'));
bad.end(Buffer.alloc(16));

const c = crypto.createCipheriv('aes-256-gcm', Buffer.alloc(32, 3), Buffer.alloc(12, 4));
c.setAAD(Buffer.from('aad'));
c.end('some plaintext');
const ct = c.read();
console.log('read', ct.toString('hex'), c.getAuthTag().toString('hex'));
const d = crypto.createDecipheriv('aes-256-gcm', Buffer.alloc(32, 3), Buffer.alloc(12, 4));
d.setAAD(Buffer.from('aad'));
d.setAuthTag(c.getAuthTag());
d.setEncoding('utf8');
let text = '';
d.on('data', (s) => { text += s; });
d.on('end', () => console.log('decrypted', text));
d.end(ct);
