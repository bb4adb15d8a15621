const src = { big: 10n, neg0: -0, nan: NaN, date: new Date(5), err: new TypeError('t'), nested: { arr: [1, { x: 2 }] } };
const c = structuredClone(src);
console.log(c.big, Object.is(c.neg0, -0), Number.isNaN(c.nan), c.date.getTime(), c.err instanceof TypeError, c.err.message, c.nested);
const buf = new Uint8Array([1, 2, 3]).buffer;
const copy = structuredClone(buf); console.log(copy.byteLength, copy !== buf);
class K { constructor() { this.x = 1; } } const k = structuredClone(new K()); console.log(k instanceof K, k);
try { structuredClone({ f() {} }); } catch (e) { console.log(e.name, e.constructor === DOMException); }
