// crypto.getRandomValues and randomUUID: shapes and Node's errors (the values themselves vary).
const u = new Uint32Array(4);
console.log(crypto.getRandomValues(u) === u, u.length);
console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
for (const bad of [new Float64Array(1), new DataView(new ArrayBuffer(1)), 'x', new Uint8Array(65537)]) {
  try { crypto.getRandomValues(bad); } catch (e) { console.log(e instanceof DOMException, e.name, e.code, e.message); }
}
const r = Math.random();
console.log(r >= 0 && r < 1, Math.random.name, Math.random.length);
