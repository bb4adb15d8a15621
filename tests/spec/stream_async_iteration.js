'use strict';
// for await over Readables, Readable.from, the operators, consumers, compose and duplexPair.
const { Readable, Duplex, compose, duplexPair, addAbortSignal } = require('stream');
const consumers = require('stream/consumers');

(async () => {
  const r = new Readable({ objectMode: true, read() {} });
  r.push(1); r.push(2); r.push(null);
  for await (const v of r) console.log('iter', v);
  console.log('destroyed after loop', r.destroyed);

  const broken = new Readable({ read() { this.destroy(new Error('kaput')); } });
  try { for await (const c of broken) console.log(c); } catch (e) { console.log('caught', e.message); }

  const s = Readable.from([1, 2, 3, 4, 5, 6]);
  console.log('map/filter', await s.map((x) => x * 10).filter((x) => x % 20 === 0).toArray());
  console.log('take/drop', await Readable.from([1, 2, 3, 4, 5]).drop(1).take(2).toArray());
  console.log('reduce', await Readable.from([1, 2, 3]).reduce((a, b) => a + b, 0));
  console.log('some/every/find', await Readable.from([1, 2, 3]).some((x) => x > 2),
    await Readable.from([1, 2, 3]).every((x) => x > 2), await Readable.from([1, 2, 3]).find((x) => x > 1));
  console.log('flatMap', await Readable.from([1, 2]).flatMap((x) => [x, x]).toArray());
  const seen = [];
  await Readable.from(['a', 'b']).forEach((x) => seen.push(x));
  console.log('forEach', seen);
  try { await Readable.from([]).reduce((a, b) => a + b); } catch (e) { console.log(e.code, e.message); }
  console.log('asIndexedPairs', typeof Readable.prototype.asIndexedPairs);
  console.log('concurrency', await Readable.from([3, 1, 2]).map(async (x) => {
    await new Promise((res) => setTimeout(res, x * 5));
    return x;
  }, { concurrency: 3 }).toArray());

  console.log('text', await consumers.text(Readable.from(['he', 'llo'])));
  console.log('json', await consumers.json(Readable.from(['{"a":', '1}'])));
  console.log('buffer', await consumers.buffer(Readable.from([Buffer.from('ab'), Buffer.from('c')])));

  const c = compose(async function* (src) { for await (const x of src) yield String(x).toUpperCase(); });
  c.end('abc');
  console.log('compose', (await c.toArray()).join(''));

  const d = Duplex.from(async function* () { yield 'x'; yield 'y'; });
  console.log('Duplex.from', (await d.toArray()).join(''));

  const [a, b] = duplexPair();
  b.on('data', (chunk) => console.log('pair', chunk.toString()));
  a.write('ping');

  const ac = new AbortController();
  const ar = addAbortSignal(ac.signal, new Readable({ read() {} }));
  ar.on('error', (e) => console.log('abort', e.name, e.code));
  ac.abort();
})();
