const m = new Map(); const s = new Set(); m.set('set', s); s.add(m);
const c = structuredClone(m);
console.log(c.get('set').has(c), c !== m, [...c.keys()]);
const shared = { v: 1 }; const arr = [shared, shared];
const ca = structuredClone(arr); console.log(ca[0] === ca[1], ca[0] !== shared);
console.log(structuredClone(new String('s')) instanceof String, structuredClone(Object(2n)) instanceof BigInt);
console.log(structuredClone([new Date(1), /re/g]).map((v) => v instanceof Date ? v.toISOString() : String(v)));
