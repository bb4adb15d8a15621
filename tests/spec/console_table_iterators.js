// console.table: Map and Set iterators shown by what they would yield (without consuming them),
// an empty Map's columns, cells holding objects and arrays, wide characters' width, and a
// column named __proto__.
const m = new Map([[1, 'a'], [2, { x: 1, y: 2, z: 3 }], [3, [1, 2, 3, 4, 5]]]);
const it = m.entries();
console.table(it);
console.log(it.next().value);
console.table(m.keys());
console.table(new Set(['p', 'q']).values());
console.table(new Map());
console.table(new Set());
console.table({ a: { a: { a: 1, b: 2, c: 3 }, b: { k: 1 } } });
console.table({ foo: '￥', bar: '¥', baz: '漢字', e: 'é' });
console.table([{ a: 1 }, { a: 2 }], ['__proto__']);
