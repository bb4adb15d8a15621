const src = { n: 1, s: 'x', d: new Date(0), r: /a/g, m: new Map([[1, { deep: true }]]), set: new Set([1]), arr: [1, , 3], u8: new Uint8Array([1, 2]) };
src.self = src;
const c = structuredClone(src);
console.log(c !== src, c.self === c, c.d instanceof Date, c.m.get(1), c.set.has(1), c.u8, c.r.flags);
const e = structuredClone(new RangeError('x'));
console.log(e instanceof RangeError, e.message);
try { structuredClone(() => {}); } catch (err) { console.log(err.name); }
try { structuredClone(Symbol('q')); } catch (err) { console.log(err.name); }
