'use strict';
// node:stream <-> web streams: Readable.toWeb/fromWeb, Writable.toWeb/fromWeb, Duplex.toWeb/fromWeb.
const { Readable, Writable, Duplex, PassThrough } = require('stream');

function show(what, fn) {
  try {
    fn();
  } catch (e) {
    console.log(what, e.name, e.code, e.message);
  }
}

async function main() {
  show('toWeb bad type', () => Readable.toWeb(new Readable({ read() {} }), { type: 'wrong' }));
  show('toWeb not a stream', () => Readable.toWeb(1));
  show('fromWeb not a stream', () => Readable.fromWeb({}));
  show('Duplex.fromWeb bad pair', () => Duplex.fromWeb({ readable: new ReadableStream(), writable: 1 }));

  const destroyed = new Readable({ read() {} });
  destroyed.destroy();
  console.log('destroyed toWeb', Readable.toWeb(destroyed));

  for await (const chunk of Readable.toWeb(Readable.from(['a', 'b', Buffer.from('c')], { objectMode: false }))) {
    console.log('toWeb chunk', chunk);
  }
  const objects = [];
  for await (const chunk of Readable.toWeb(Readable.from([{ n: 1 }, { n: 2 }]))) objects.push(chunk);
  console.log('toWeb objects', objects);

  const fromWeb = Readable.fromWeb(ReadableStream.from([new Uint8Array([1, 2]), 'x']));
  for await (const chunk of fromWeb) console.log('fromWeb chunk', chunk);
  const badChunk = Readable.fromWeb(ReadableStream.from([{}]));
  badChunk.on('error', (e) => console.log('fromWeb error', e.code));
  badChunk.resume();
  await new Promise((r) => setTimeout(r, 10));

  const written = [];
  const ws = Writable.toWeb(new Writable({ write(chunk, enc, cb) { written.push(chunk); cb(); } }));
  const writer = ws.getWriter();
  await writer.write(new Uint8Array([7, 8]));
  await writer.close();
  console.log('Writable.toWeb', written, ws);

  const nodeWritable = Writable.fromWeb(new WritableStream({ write(chunk) { console.log('web sink got', chunk); } }));
  nodeWritable.write('hey');
  await new Promise((r) => nodeWritable.end(r));
  console.log('Writable.fromWeb ended', nodeWritable.writableFinished);

  const pair = Duplex.toWeb(new PassThrough());
  const pw = pair.writable.getWriter();
  pw.write(new TextEncoder().encode('through'));
  pw.close();
  for await (const chunk of pair.readable) console.log('Duplex.toWeb chunk', chunk);

  const duplex = Duplex.fromWeb({
    readable: ReadableStream.from(['from web']),
    writable: new WritableStream({ write(chunk) { console.log('Duplex.fromWeb wrote', chunk); } }),
  }, { encoding: 'utf8' });
  duplex.write('to web');
  duplex.end();
  duplex.on('data', (chunk) => console.log('Duplex.fromWeb data', chunk));
  duplex.on('end', () => console.log('Duplex.fromWeb end'));
  duplex.on('finish', () => console.log('Duplex.fromWeb finish'));
  duplex.on('close', () => console.log('Duplex.fromWeb close'));
}
main();
