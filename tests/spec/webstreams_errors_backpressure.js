'use strict';
// Backpressure (desiredSize, ready) and Node's error codes for misuse.
const { ReadableStream, WritableStream, TransformStream, CountQueuingStrategy } = require('stream/web');

function show(what, err) {
  console.log(what, err.name, err.code, err.message);
}

async function main() {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } }, { highWaterMark: 2 });
  console.log('desiredSize', controller.desiredSize);
  controller.enqueue('a');
  console.log('desiredSize', controller.desiredSize);
  controller.enqueue('b');
  controller.enqueue('c');
  console.log('desiredSize', controller.desiredSize);

  const writes = [];
  let release;
  const ws = new WritableStream({
    write(chunk) {
      writes.push(chunk);
      return new Promise((resolve) => { release = resolve; });
    },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  const writer = ws.getWriter();
  console.log('writer desiredSize', writer.desiredSize);
  writer.write(1);
  writer.write(2);
  console.log('writer desiredSize', writer.desiredSize);
  let ready = false;
  writer.ready.then(() => { ready = true; });
  await new Promise((r) => setImmediate(r));
  console.log('ready before release', ready, writes);
  release();
  await new Promise((r) => setImmediate(r));
  console.log('ready after release', ready, writer.desiredSize);

  try { rs.getReader(); rs.getReader(); } catch (e) { show('second reader', e); }
  try { ws.getWriter(); } catch (e) { show('second writer', e); }
  try { new ReadableStream({ type: 'nope' }); } catch (e) { show('bad type', e); }
  try { new ReadableStream({}, { highWaterMark: -1 }); } catch (e) { show('bad hwm', e); }
  try { ReadableStream.prototype.getReader.call({}); } catch (e) { show('bad this', e); }
  try { controller.close(); controller.enqueue('x'); } catch (e) { show('enqueue after close', e); }
  await new ReadableStream().cancel().then(() => console.log('cancel ok'));
  const locked = new ReadableStream();
  locked.getReader();
  await locked.cancel().catch((e) => show('cancel locked', e));
  await new WritableStream().getWriter().close().then(() => console.log('close ok'));

  const failing = new WritableStream({ write() { throw new Error('sink failed'); } });
  const w2 = failing.getWriter();
  await w2.write('x').catch((e) => console.log('write rejected:', e.message));
  await w2.closed.catch((e) => console.log('closed rejected:', e.message));
  console.log(failing);

  const ts = new TransformStream({ transform() { throw new RangeError('bad chunk'); } });
  const read = ts.readable.getReader().read();
  await ts.writable.getWriter().write('x').catch((e) => console.log('transform rejected:', e.name, e.message));
  await read.catch((e) => console.log('readable errored:', e.message));

  let tc;
  const term = new TransformStream({ start(c) { tc = c; } });
  tc.terminate();
  await term.writable.getWriter().write(1).catch((e) => show('after terminate', e));
}
main();
