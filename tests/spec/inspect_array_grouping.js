console.log(Array.from({ length: 30 }, (_, i) => 'w'.repeat(i % 7 + 1)));
console.log(Array.from({ length: 16 }, (_, i) => i % 2 ? -i * 1000 : i));
console.log(Array.from({ length: 10 }, (_, i) => ({ i })));
console.log([1, 'mixed', 2, 'types', 3, 'in', 4, 'array']);
console.log(Array.from({ length: 101 }, (_, i) => i % 10));
