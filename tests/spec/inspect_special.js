console.log(/ab+c/gi, new Date(0), new Date(NaN));
console.log(new Number(3), new String('abc'), new Boolean(false), Object(Symbol('x')), Object(5n));
console.log(Promise.resolve(42), new Promise(() => {}), Promise.reject(new Error('no')).catch(() => {}) && 'x');
const rejected = Promise.reject(3); rejected.catch(() => {}); console.log(rejected);
console.log(function () {}, async function af() {}, function* gen() {}, async () => {});
console.log((function () { return arguments; })(1, 2));
console.log(Math, JSON, globalThis === global);
console.log([function foo() {}], { fn: Math.max });
