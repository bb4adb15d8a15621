'use strict';
// Byte streams with a BYOB reader, TextDecoderStream across split UTF-8, TextEncoderStream,
// Blob.stream() and fetch bodies (Response) as ReadableStreams.
const { ReadableStream, TextDecoderStream, TextEncoderStream } = require('stream/web');

async function main() {
  let n = 0;
  const bytes = new ReadableStream({
    type: 'bytes',
    pull(c) {
      const req = c.byobRequest;
      if (n === 3) {
        c.close();
        if (req) req.respond(0);
        return;
      }
      req.view[0] = 10 + n;
      req.view[1] = 20 + n;
      req.respond(2);
      n++;
    },
  });
  const reader = bytes.getReader({ mode: 'byob' });
  console.log(bytes, reader);
  let buf = new ArrayBuffer(4);
  for (;;) {
    const { value, done } = await reader.read(new Uint8Array(buf));
    console.log(value, done, buf.byteLength);
    if (done) break;
    buf = value.buffer;
  }

  let ctl;
  const enq = new ReadableStream({ type: 'bytes', start(c) { ctl = c; } });
  ctl.enqueue(new Uint8Array([1, 2, 3, 4, 5]));
  ctl.close();
  const r2 = enq.getReader({ mode: 'byob' });
  console.log(await r2.read(new Uint16Array(1)));
  console.log(await r2.read(new Uint8Array(8)));
  console.log(await r2.read(new Uint8Array(8)));

  // 'é' (c3 a9) and '😀' (f0 9f 98 80) split across chunks.
  const dec = new TextDecoderStream();
  const w = dec.writable.getWriter();
  for (const part of [[0x41, 0xc3], [0xa9, 0xf0, 0x9f], [0x98], [0x80, 0x42]]) w.write(new Uint8Array(part));
  w.close();
  let text = '';
  for await (const s of dec.readable) text += `[${s}]`;
  console.log(text, dec.encoding, dec.fatal);

  const enc = new TextEncoderStream();
  const ew = enc.writable.getWriter();
  ew.write('\ud83d');
  ew.write('\ude00!');
  ew.close();
  for await (const chunk of enc.readable) console.log(chunk);

  const blob = new Blob(['hello ', 'world']);
  const fromBlob = [];
  for await (const chunk of blob.stream()) fromBlob.push(new TextDecoder().decode(chunk));
  console.log(blob.stream(), fromBlob);

  const res = new Response('body text');
  console.log(res.body, res.bodyUsed);
  const rr = res.body.getReader();
  console.log(await rr.read(), res.bodyUsed);
  await res.text().catch((e) => console.log(e.name, e.message));

  const streamed = new Response(ReadableStream.from([new Uint8Array([104, 105]), new Uint8Array([33])]));
  console.log(await streamed.text());
  const clone = new Response('twice');
  const copy = clone.clone();
  console.log(await clone.text(), await copy.text());
  const bad = new Response(ReadableStream.from(['not bytes']));
  await bad.text().catch((e) => console.log(e.name, e.message));
  const req = new Request('http://localhost/', {
    method: 'POST', body: ReadableStream.from([new Uint8Array([65, 66])]), duplex: 'half',
  });
  console.log(await req.text());
  try {
    new Request('http://localhost/', { method: 'POST', body: new ReadableStream() });
  } catch (e) {
    console.log(e.name, e.message);
  }
}
main();
