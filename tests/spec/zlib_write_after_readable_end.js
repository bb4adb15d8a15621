'use strict';
// Writes after the inflated stream has ended still complete: their callbacks run, and a flush
// afterwards calls back.
const zlib = require('zlib');

const data = zlib.deflateRawSync('Welcome');
const inflate = zlib.createInflateRaw();
let calls = 0;
const onWrite = (err) => { calls++; console.log('write callback', calls, err); };
const out = [];
inflate.on('data', (c) => out.push(c));
inflate.on('end', () => console.log('end', Buffer.concat(out).toString()));
inflate.write(data, onWrite);
inflate.write(Buffer.from([0x00]), onWrite);
inflate.write(Buffer.from([0x00]), onWrite);
inflate.flush(() => console.log('flushed after', calls, 'writes'));
