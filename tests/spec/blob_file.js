// Blob and File: parts of every kind, MIME type rules, endings, slice, reading as text, bytes
// and ArrayBuffer, inspect, brand checks, structuredClone, and Blobs as fetch bodies.
const { Blob, File } = require('buffer');
const b = new Blob(['héllo', new Uint8Array([33, 34]), new Blob(['xy'])], { type: 'Text/Plain' });
console.log(b, b.size, b.type, Object.prototype.toString.call(b), Blob.length);
console.log(new Blob([], { type: 'a\u00e9' }).type, new Blob([5, null, {}]).size, new Blob().size);
try { new Blob('abc'); } catch (e) { console.log(e.name, e.code, e.message); }
try { new Blob([], 5); } catch (e) { console.log(e.name, e.code, e.message); }
const f = new File(['abc'], 'n.txt', { type: 't/x', lastModified: 42 });
console.log(f, f.name, f.lastModified, f.size, f instanceof Blob, Object.prototype.toString.call(f));
try { new File(['a']); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(typeof globalThis.Blob, globalThis.Blob === Blob, globalThis.File === File, Object.keys(Blob.prototype), Object.keys(File.prototype));
console.log(new Blob(['a\r\nb\nc'], { endings: 'native' }).size, new Blob(['a\r\nb'], { endings: 'transparent' }).size);
console.log([b.slice(1, 3).size, b.slice(-3).size, b.slice(5, 2).size, b.slice(0, 100).size, b.slice(2, 4, 'X/Y').type]);
const first = (async () => {
  console.log(JSON.stringify(await b.text()), await b.slice(-4, -1).arrayBuffer(), (await b.bytes()).length);
  console.log(await new Response(b).text(), await (await new Response('zz', { headers: { 'content-type': 'Q/R' } }).blob()).text());
  const r = new Request('http://x/', { method: 'POST', body: new Blob(['bb'], { type: 'a/b' }) });
  console.log(r.headers.get('content-type'), await r.text());
  console.log(await (await new Response('q').blob()).type);
})();
first.then(async () => {
  const file = new File(['hello'], 'h.txt', { type: 'text/plain', lastModified: 7 });
  const copy = structuredClone(file);
  console.log(copy instanceof File, copy.name, copy.lastModified, copy.type, await copy.text());
  const getter = Object.getOwnPropertyDescriptor(File.prototype, 'name').get;
  try { getter.call({}); } catch (e) { console.log(e.name); }
  for (const lastModified of [10n, { [Symbol.toPrimitive]: () => 10 }, new Number(5)]) {
    try { console.log(new File([], '', { lastModified }).lastModified); } catch (e) { console.log(e.name); }
  }
});
