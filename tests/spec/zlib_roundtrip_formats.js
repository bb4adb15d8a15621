'use strict';
// Every format compresses and decompresses back, in the sync, callback and promisified forms,
// from strings, Buffers, typed arrays, DataViews and ArrayBuffers.
const zlib = require('zlib');
const util = require('util');

const text = 'The quick brown fox jumps over the lazy dog. '.repeat(200);
const pairs = [
  ['deflate', 'inflate'], ['gzip', 'gunzip'], ['deflateRaw', 'inflateRaw'], ['gzip', 'unzip'],
  ['deflate', 'unzip'], ['brotliCompress', 'brotliDecompress'], ['zstdCompress', 'zstdDecompress'],
];

const src = Buffer.from(text);
const inputs = {
  string: text,
  Buffer: src,
  Uint8Array: new Uint8Array(src),
  Uint16Array: new Uint16Array(src.buffer.slice(src.byteOffset, src.byteOffset + src.length)),
  DataView: new DataView(src.buffer.slice(src.byteOffset, src.byteOffset + src.length)),
  ArrayBuffer: src.buffer.slice(src.byteOffset, src.byteOffset + src.length),
};

for (const [c, d] of pairs) {
  for (const [kind, input] of Object.entries(inputs)) {
    const packed = zlib[`${c}Sync`](input);
    const back = zlib[`${d}Sync`](packed);
    console.log(c, d, kind, packed.length < src.length, back.equals(src));
  }
}

// Small chunk sizes make many output chunks; the level changes the size.
console.log(zlib.inflateSync(zlib.deflateSync(text, { chunkSize: 64 }), { chunkSize: 64 }).toString() === text);
console.log(zlib.deflateSync(text, { level: 0 }).length > zlib.deflateSync(text, { level: 9 }).length);
console.log(zlib.gzipSync('hello'));
console.log(zlib.deflateSync('hello'));
console.log(zlib.deflateRawSync('hello'));
console.log(zlib.gzipSync('hello', { level: 1 })[8], zlib.gzipSync('hello', { level: 9 })[8]);
console.log(zlib.deflateSync('hello', { windowBits: 9 }));
console.log(zlib.inflateSync(zlib.deflateSync('hello', { windowBits: 9 }), { windowBits: 0 }).toString());
console.log(zlib.gunzipSync(Buffer.concat([zlib.gzipSync('abc'), zlib.gzipSync('def')])).toString());
console.log(zlib.gunzipSync(Buffer.concat([zlib.gzipSync('abc'), Buffer.alloc(5)])).toString());
console.log(zlib.inflateSync(Buffer.concat([zlib.deflateSync('abc'), Buffer.from('trailing')])).toString());
console.log(zlib.gzipSync('').length, zlib.gunzipSync(zlib.gzipSync('')).length);
console.log(zlib.brotliCompressSync('hello', { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }).length > 0);
console.log(zlib.zstdDecompressSync(zlib.zstdCompressSync(text, {
  params: { [zlib.constants.ZSTD_c_compressionLevel]: 10, [zlib.constants.ZSTD_c_checksumFlag]: 1 },
})).toString() === text);

// Dictionaries.
const dict = Buffer.from('quick brown fox lazy dog');
const withDict = zlib.deflateSync(text, { dictionary: dict });
console.log(zlib.inflateSync(withDict, { dictionary: dict }).toString() === text);
console.log(zlib.inflateRawSync(zlib.deflateRawSync(text, { dictionary: dict }), { dictionary: dict }).toString() === text);
console.log(zlib.zstdDecompressSync(zlib.zstdCompressSync(text, { dictionary: dict }), { dictionary: dict }).toString() === text);

// info: the engine comes back with the buffer.
const info = zlib.gzipSync('abc', { info: true });
console.log(Object.keys(info), info.engine instanceof zlib.Gzip, info.buffer.length);

// Callbacks finish in any order; their results are printed in the order of the pairs.
let pending = 0;
const results = [];
pairs.forEach(([c, d], i) => {
  pending++;
  zlib[c](text, (err, packed) => {
    zlib[d](packed, (err2, back) => {
      results[i] = ['callback', c, d, err, err2, back.toString() === text];
      if (--pending === 0) {
        for (const r of results) console.log(...r);
        promises();
      }
    });
  });
});

async function promises() {
  for (const [c, d] of pairs) {
    const packed = await util.promisify(zlib[c])(text);
    const back = await util.promisify(zlib[d])(packed, { chunkSize: 128 });
    console.log('promise', c, d, back.toString() === text);
  }
  zlib.deflate(text, { info: true }, (err, res) => {
    console.log('callback info', err, res.engine instanceof zlib.Deflate, res.engine.bytesWritten);
  });
}
