const util = require('util');
const p = (v, o) => console.log(util.inspect(v, o));

const a = [1]; a.push(a); p(a);
const m = new Map(); m.set('self', m); p(m);
const o = { x: {} }; o.x.parent = o; o.x.self = o.x; p(o);
const s = new Set(); s.add(s); p(s);
const x = {}; const y = { x }; x.y = y; p([x, y]);
