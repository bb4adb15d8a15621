'use strict';
// CompressionStream/DecompressionStream round trips for every format, bad formats and chunks,
// corrupt input and trailing junk.
const zlib = require('zlib');

async function collect(readable) {
  const chunks = [];
  for await (const chunk of readable) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function main() {
  for (const format of ['deflate', 'deflate-raw', 'gzip', 'brotli']) {
    const cs = new CompressionStream(format);
    const w = cs.writable.getWriter();
    w.write(new TextEncoder().encode('hello '));
    w.write(new Uint16Array([0x6f77, 0x6c72]).buffer);
    w.close();
    const compressed = await collect(cs.readable);
    const ds = new DecompressionStream(format);
    const dw = ds.writable.getWriter();
    dw.write(compressed);
    dw.close();
    console.log(format, (await collect(ds.readable)).toString('latin1'));
  }
  console.log(new CompressionStream('gzip'));
  for (const bad of ['zip', undefined]) {
    try { new DecompressionStream(bad); } catch (e) { console.log(e.name, e.code, e.message); }
  }
  const cs = new CompressionStream('deflate');
  const read = cs.readable.getReader().read();
  await cs.writable.getWriter().write({}).catch((e) => console.log('write', e.name, e.code));
  await read.catch((e) => console.log('read', e.name, e.code));

  const corrupt = new DecompressionStream('gzip');
  const cw = corrupt.writable.getWriter();
  cw.write(new Uint8Array([1, 2, 3, 4])).catch(() => {});
  corrupt.readable.getReader().read().catch(() => {});
  await cw.close().catch((e) => console.log('corrupt', e.name, e.code));

  const junk = new DecompressionStream('deflate');
  const jw = junk.writable.getWriter();
  jw.write(Buffer.concat([zlib.deflateSync('data'), Buffer.from([0xde, 0xad])])).catch(() => {});
  const jr = junk.readable.getReader();
  console.log(await jr.read());
  await jw.close().catch((e) => console.log('junk', e.name, e.code, e.message));
}
main();
