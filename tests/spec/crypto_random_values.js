// randomBytes, randomFill(Sync), randomInt and the UUIDs: shapes, ranges and Node's errors (the
// values vary, so properties of them are printed). Callback forms answer on a later turn.
const crypto = require('crypto');

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

// randomBytes
for (const n of [0, 1, 7, 1.5, 65536 * 2]) show(`randomBytes ${n}`, () => { const b = crypto.randomBytes(n); return [Buffer.isBuffer(b), b.length]; });
show('randomBytes varies', () => !crypto.randomBytes(32).equals(crypto.randomBytes(32)));
show('randomBytes -1', () => crypto.randomBytes(-1));
show('randomBytes NaN', () => crypto.randomBytes(NaN));
show('randomBytes string', () => crypto.randomBytes('5'));
show('randomBytes too many', () => crypto.randomBytes(2 ** 31));
show('randomBytes bad callback', () => crypto.randomBytes(3, 5));
show('aliases', () => [crypto.pseudoRandomBytes === crypto.randomBytes, crypto.prng === crypto.randomBytes, crypto.rng === crypto.randomBytes]);

// randomFillSync: only the range asked for changes. Eight fills each, so that a byte in range
// that stays zero every time (a chance of 2^-64) is not mistaken for one left alone.
function filled(buf, ...args) {
  const bytes = new Uint8Array(buf.buffer || buf, buf.byteOffset || 0, buf.byteLength);
  const touched = new Array(bytes.length).fill('.');
  let same = true;
  for (let round = 0; round < 8; round++) {
    bytes.fill(0);
    same = crypto.randomFillSync(buf, ...args) === buf && same;
    bytes.forEach((b, i) => { if (b !== 0) touched[i] = 'x'; });
  }
  return [same, touched.join('')];
}
show('fill Buffer', () => filled(Buffer.alloc(8)));
show('fill offset', () => filled(Buffer.alloc(8), 5));
show('fill offset size', () => filled(Buffer.alloc(8), 2, 3));
show('fill Uint32Array offset size', () => filled(new Uint32Array(4), 1, 2));
show('fill DataView', () => filled(new DataView(new ArrayBuffer(6)), 1, 2));
show('fill ArrayBuffer', () => filled(new ArrayBuffer(5), 1));
show('fill Float64Array', () => filled(new Float64Array(2), 1));
show('fill size 0', () => filled(Buffer.alloc(4), 4, 0));
show('fill subarray', () => { const b = Buffer.alloc(8); const t = ['.', '.', '.', '.', '.', '.', '.', '.']; for (let i = 0; i < 8; i++) { b.fill(0); crypto.randomFillSync(b.subarray(2, 6), 1, 2); b.forEach((x, j) => { if (x) t[j] = 'x'; }); } return t.join(''); });
show('fill offset too big', () => crypto.randomFillSync(Buffer.alloc(4), 5));
show('fill size over end', () => crypto.randomFillSync(Buffer.alloc(4), 1, 4));
show('fill offset negative', () => crypto.randomFillSync(Buffer.alloc(4), -1));
show('fill offset string', () => crypto.randomFillSync(Buffer.alloc(4), 'a'));
show('fill size NaN', () => crypto.randomFillSync(Buffer.alloc(4), 0, NaN));
show('fill Uint32Array over end', () => crypto.randomFillSync(new Uint32Array(4), 1, 4));
show('fill Uint32Array offset too big', () => crypto.randomFillSync(new Uint32Array(4), 5));
show('fill string', () => crypto.randomFillSync('abc'));
show('fill DataView offset callback', () => crypto.randomFill(new DataView(new ArrayBuffer(4)), 1, () => {}));
show('fill ArrayBuffer offset callback', () => crypto.randomFill(new ArrayBuffer(4), 1, () => {}));
show('fill no callback', () => crypto.randomFill(Buffer.alloc(4)));
show('fill bad callback', () => crypto.randomFill(Buffer.alloc(4), 0, 4, 'x'));

// randomInt: every value in range, both ends reached, Node's range errors.
function sample(min, max, n) {
  const seen = new Set();
  let ok = true;
  for (let i = 0; i < n; i++) {
    const v = max === undefined ? crypto.randomInt(min) : crypto.randomInt(min, max);
    if (!Number.isSafeInteger(v) || v < (max === undefined ? 0 : min) || v >= (max === undefined ? min : max)) ok = false;
    seen.add(v);
  }
  return [ok, seen.size];
}
show('randomInt 0..3', () => sample(3, undefined, 300));
show('randomInt -5..5', () => sample(-5, 5, 1000));
show('randomInt 1 value', () => sample(7, 8, 20));
show('randomInt wide', () => { const v = crypto.randomInt(-(2 ** 47), 2 ** 47); return Number.isSafeInteger(v) && v >= -(2 ** 47) && v < 2 ** 47; });
show('randomInt max <= min', () => crypto.randomInt(5, 1));
show('randomInt 0', () => crypto.randomInt(0));
show('randomInt fraction', () => crypto.randomInt(1.5));
show('randomInt string', () => crypto.randomInt('1'));
show('randomInt min string', () => crypto.randomInt('1', 2));
show('randomInt max string', () => crypto.randomInt(1, '2'));
show('randomInt range too big', () => crypto.randomInt(2 ** 48));
show('randomInt max-min too big', () => crypto.randomInt(-(2 ** 48), 0));
show('randomInt max-min too big 2', () => crypto.randomInt(0, 2 ** 48 + 1));
show('randomInt unsafe', () => crypto.randomInt(2 ** 53));
show('randomInt bad callback', () => crypto.randomInt(1, 2, 3));

// UUIDs
const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
show('randomUUID', () => [v4.test(crypto.randomUUID()), v4.test(crypto.randomUUID({ disableEntropyCache: true })),
  crypto.randomUUID() !== crypto.randomUUID()]);
show('randomUUIDv7', () => {
  const before = Date.now();
  const u = crypto.randomUUIDv7();
  const ms = parseInt(u.slice(0, 8) + u.slice(9, 13), 16);
  return [v7.test(u), ms >= before && ms <= Date.now()];
});
show('randomUUID bad options', () => crypto.randomUUID(5));
show('randomUUID bad disableEntropyCache', () => crypto.randomUUID({ disableEntropyCache: 1 }));

// getRandomValues and Web Crypto identity.
show('getRandomValues', () => { const a = new Int16Array(4); return crypto.getRandomValues(a) === a; });
show('getRandomValues float', () => crypto.getRandomValues(new Float32Array(2)));
show('getRandomValues too big', () => crypto.getRandomValues(new Uint8Array(65537)));
show('getRandomValues max', () => crypto.getRandomValues(new Uint8Array(65536)).length);
show('webcrypto', () => [crypto.webcrypto === globalThis.crypto, crypto.subtle === globalThis.crypto.subtle,
  crypto.webcrypto.subtle === crypto.subtle, typeof crypto.subtle.digest]);
show('getFips', () => crypto.getFips());

// Callback forms.
// Results of callbacks, printed at exit sorted by label: the thread pool finishes
// jobs in no fixed order.
const order = [];
const results = new Map();
function later(label, ...values) { results.set(label, values); }
crypto.randomBytes(16, (err, buf) => { order.push('randomBytes'); later('randomBytes cb', err, Buffer.isBuffer(buf), buf.length); });
crypto.randomBytes(0, (err, buf) => { order.push('randomBytes 0'); later('randomBytes 0 cb', err, buf.length); });
const target = Buffer.alloc(10);
crypto.randomFill(target, 2, 5, (err, buf) => {
  order.push('randomFill');
  later('randomFill cb', err, buf === target, target.subarray(0, 2).equals(Buffer.alloc(2)), target.subarray(7).equals(Buffer.alloc(3)));
});
const u32 = new Uint32Array(3);
crypto.randomFill(u32, (err, arr) => { order.push('randomFill all'); later('randomFill all cb', err, arr === u32); });
crypto.randomFill(new Uint8Array(4), 1, (err, arr) => { order.push('randomFill offset'); later('randomFill offset cb', err, arr[0]); });
crypto.randomInt(10, (err, n) => { order.push('randomInt'); later('randomInt cb', err, n >= 0 && n < 10); });
crypto.randomInt(-3, -1, (err, n) => { order.push('randomInt min'); later('randomInt min cb', err, n === -3 || n === -2); });
order.push('sync');
process.on('exit', () => {
  for (const label of [...results.keys()].sort()) console.log(label, ...results.get(label));
  console.log(order.indexOf('sync'), order.length, [...order].sort().join(','));
});
