'use strict';
// Corrupt and truncated input fail with zlib's, brotli's and zstd's own errors (message, code,
// errno); options are checked with Node's codes and messages; maxOutputLength; crc32; constants.
const zlib = require('zlib');

function show(label, f) {
  try {
    const r = f();
    console.log(label, 'ok', Buffer.isBuffer(r) ? r.toString() : r);
  } catch (e) {
    console.log(label, e.name, e.code, e.errno, JSON.stringify(e.message), Object.keys(e));
  }
}

const gz = zlib.gzipSync('hello world');
show('inflate garbage', () => zlib.inflateSync(Buffer.from('hello world')));
show('gunzip garbage', () => zlib.gunzipSync(Buffer.from('hello world')));
show('unzip garbage', () => zlib.unzipSync(Buffer.from('hello world')));
show('inflateRaw bad block', () => zlib.inflateRawSync(Buffer.from([0xff, 0xff, 0xff])));
show('gunzip truncated', () => zlib.gunzipSync(gz.subarray(0, 12)));
show('gunzip truncated sync flush', () => zlib.gunzipSync(gz.subarray(0, 15), { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
show('gunzip bad crc', () => { const b = Buffer.from(gz); b[b.length - 6] ^= 1; return zlib.gunzipSync(b); });
show('gunzip trailing member bad', () => zlib.gunzipSync(Buffer.concat([gz, Buffer.from([0x1f, 0x8b, 0xff, 0xff])])));
show('inflate needs dict', () => zlib.inflateSync(zlib.deflateSync('hello', { dictionary: Buffer.from('abc') })));
show('inflate wrong dict', () => zlib.inflateSync(zlib.deflateSync('hello', { dictionary: Buffer.from('abc') }), { dictionary: Buffer.from('abd') }));
show('brotli garbage', () => zlib.brotliDecompressSync(Buffer.from('hello world garbage')));
show('brotli truncated', () => zlib.brotliDecompressSync(zlib.brotliCompressSync('hello').subarray(0, 3)));
show('zstd garbage', () => zlib.zstdDecompressSync(Buffer.from('hello world garbage')));
show('maxOutputLength', () => zlib.gunzipSync(zlib.gzipSync('abcdef'), { maxOutputLength: 2 }));
show('maxOutputLength ok', () => zlib.gunzipSync(zlib.gzipSync('abcdef'), { maxOutputLength: 6 }));

show('level', () => zlib.deflateSync('x', { level: 11 }));
show('level type', () => zlib.deflateSync('x', { level: 'x' }));
show('level NaN', () => zlib.deflateSync('x', { level: NaN }).length);
show('windowBits', () => zlib.deflateSync('x', { windowBits: 3 }));
show('gzip windowBits', () => zlib.gzipSync('x', { windowBits: 8 }));
show('inflateRaw windowBits 0', () => zlib.inflateRawSync('x', { windowBits: 0 }));
show('memLevel', () => zlib.deflateSync('x', { memLevel: 0 }));
show('strategy', () => zlib.deflateSync('x', { strategy: 9 }));
show('chunkSize', () => zlib.deflateSync('x', { chunkSize: 10 }));
show('chunkSize infinite', () => zlib.deflateSync('x', { chunkSize: Infinity }));
show('flush', () => zlib.deflateSync('x', { flush: 9 }));
show('finishFlush type', () => zlib.deflateSync('x', { finishFlush: 'x' }));
show('maxOutputLength 0', () => zlib.deflateSync('x', { maxOutputLength: 0 }));
show('dictionary type', () => zlib.deflateSync('x', { dictionary: 'abc' }));
show('buffer type', () => zlib.deflateSync(5));
show('callback missing', () => zlib.gzip('x'));
show('brotli param key', () => zlib.brotliCompressSync('x', { params: { 1000: 1 } }));
show('brotli param value', () => zlib.brotliCompressSync('x', { params: { 1: 'x' } }));
show('zstd param key', () => zlib.zstdCompressSync('x', { params: { 1000: 1 } }));
show('zstd param bad value', () => zlib.zstdCompressSync('x', { params: { 101: 1000 } }));
show('zstd pledged negative', () => zlib.zstdCompressSync('x', { pledgedSrcSize: -1 }));

show('crc32 string', () => zlib.crc32('hello'));
show('crc32 continue', () => zlib.crc32(Buffer.from(' world'), zlib.crc32('hello')));
show('crc32 whole', () => zlib.crc32('hello world'));
show('crc32 typed', () => zlib.crc32(new Uint16Array([1, 2])));
show('crc32 empty', () => zlib.crc32(''));
show('crc32 type', () => zlib.crc32(5));
show('crc32 value type', () => zlib.crc32('a', 'b'));
show('crc32 value range', () => zlib.crc32('a', -1));

console.log(Object.keys(zlib).join(' '));
console.log(JSON.stringify(zlib.constants).length, Object.keys(zlib.constants).length);
console.log(zlib.Z_NO_FLUSH, zlib.Z_FINISH, zlib.Z_BEST_COMPRESSION, zlib.DEFLATE, zlib.BROTLI_OPERATION_FLUSH);
console.log(Object.getOwnPropertyDescriptor(zlib, 'Z_FINISH'));
console.log(zlib.codes.Z_DATA_ERROR, zlib.codes[-3], Object.isFrozen(zlib.codes));
try { zlib.constants.Z_OK = 1; } catch (e) { console.log('constants immutable', e.name, zlib.constants.Z_OK); }

// Empty and one-byte inputs.
for (const f of ['unzipSync', 'inflateSync', 'gunzipSync', 'inflateRawSync', 'brotliDecompressSync', 'zstdDecompressSync']) {
  show(`${f} empty`, () => zlib[f](Buffer.alloc(0)).length);
}
show('unzip one byte', () => zlib.unzipSync(Buffer.from([0x78])));
