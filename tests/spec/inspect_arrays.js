console.log(Array.from({ length: 7 }, (_, i) => i));
console.log(Array.from({ length: 26 }, (_, i) => i * 11));
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log(Array.from({ length: 10 }, (_, i) => 'item' + i));
console.log(Array.from({ length: 8 }, (_, i) => ({ id: i })));
console.log([1.25, 100, -3, 4000, 5, 66, 7]);
console.log(new Uint8Array([1, 2, 3]), new Float64Array(2), new ArrayBuffer(4));
console.log([[1, 2], [3, 4]], [{ a: 1, b: 2 }, { a: 3, b: 4 }]);
