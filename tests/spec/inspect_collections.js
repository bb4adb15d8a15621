const util = require('util');
const p = (v, o) => console.log(util.inspect(v, o));

p(new Map([[{ k: 1 }, [1, 2]], ['s', new Map([[1, 2]])]]));
p(new Set([[1, 2], { a: 1 }, 'x']));
p(new Map([...Array(5)].map((_, i) => [i, i * i])).entries());
p(new Set([1, 2, 3]).values());
p(new Map([[1, 'a']]).keys());
p([new WeakMap(), new WeakSet(), new WeakRef({})]);
p(new Map(Array.from({ length: 120 }, (_, i) => [i, i])), { maxArrayLength: 3 });
