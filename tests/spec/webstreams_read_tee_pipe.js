'use strict';
// Reading a ReadableStream, tee, pipeTo/pipeThrough a TransformStream, async iteration and from().
const { ReadableStream, WritableStream, TransformStream, CountQueuingStrategy } = require('stream/web');

async function main() {
  const rs = new ReadableStream({
    start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); },
  });
  const reader = rs.getReader();
  console.log(rs);
  console.log(await reader.read(), await reader.read(), await reader.read());
  console.log(rs, reader);
  reader.releaseLock();

  const [b1, b2] = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } }).tee();
  const all1 = [];
  for await (const v of b1) all1.push(v);
  const all2 = [];
  for await (const v of b2) all2.push(v);
  console.log('tee', all1, all2);

  const upper = new TransformStream({
    transform(chunk, controller) { controller.enqueue(chunk.toUpperCase()); },
    flush(controller) { controller.enqueue('!'); },
  });
  const out = [];
  await ReadableStream.from(['x', 'y', 'z']).pipeThrough(upper).pipeTo(new WritableStream({
    write(chunk) { out.push(chunk); },
    close() { out.push('closed'); },
  }));
  console.log('pipeThrough', out);

  // Async iteration that stops early cancels the source, unless preventCancel.
  let cancelled = 'no';
  const counting = new ReadableStream({
    pull(c) { c.enqueue('tick'); },
    cancel(reason) { cancelled = `yes (${reason})`; },
  }, new CountQueuingStrategy({ highWaterMark: 1 }));
  for await (const v of counting.values({ preventCancel: true })) { console.log(v); break; }
  console.log('after preventCancel', cancelled, counting.locked);
  for await (const v of counting) { console.log(v); break; }
  console.log('after break', cancelled);

  console.log('from async generator', await (async () => {
    const got = [];
    for await (const v of ReadableStream.from((async function* () { yield 1; yield 2; })())) got.push(v);
    return got;
  })());

  // pipeTo with preventClose leaves the destination open; a signal aborts the pipe.
  const dest = new WritableStream({ write(c) { console.log('dest got', c); } });
  await ReadableStream.from(['p']).pipeTo(dest, { preventClose: true });
  console.log('dest', dest);
  const ac = new AbortController();
  const never = new ReadableStream({ cancel(r) { console.log('source cancelled:', r.name); } });
  const p = never.pipeTo(new WritableStream({ abort(r) { console.log('dest aborted:', r.name); } }), { signal: ac.signal });
  ac.abort();
  await p.catch((e) => console.log('pipe rejected:', e.name, e.message));
}
main();
