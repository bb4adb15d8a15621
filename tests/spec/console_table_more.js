console.table({ a: { x: 1, y: 2 }, b: { x: 3, z: 4 } });
console.table([[1, 2], [3, 4, 5]]);
console.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['a']);
console.table(new Map([['k', { v: 1 }]]));
console.table(5);
console.table([]);
