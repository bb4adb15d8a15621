'use strict';
// assert's diff messages: Myers line diff, `...` for long unchanged runs, the caret under a
// differing string, same-structure messages, and the Assert class options.
const assert = require('assert');
const { Assert } = assert;
const show = (label, f) => {
  try {
    f();
    console.log(label, 'passed');
  } catch (e) {
    console.log(label, e.code, e.operator, e.generatedMessage, e.diff, JSON.stringify(e.message));
  }
};
const long = Array.from({ length: 30 }, (_, i) => i);
const longChanged = long.map((v) => (v === 15 ? -1 : v));
show('array elided', () => assert.deepStrictEqual(long, longChanged));
show('array full', () => new Assert({ diff: 'full' }).deepStrictEqual(long, longChanged));
const obj = Object.fromEntries(long.map((i) => [`k${i}`, i]));
show('object elided', () => assert.deepStrictEqual(obj, { ...obj, k3: 'x', k25: 'y' }));
show('nested', () => assert.deepStrictEqual({ a: { b: { c: [1, 2, 3] } }, d: 1 }, { a: { b: { c: [1, 2, 4] } }, d: 1 }));
show('caret', () => assert.strictEqual('hello world', 'hello there'));
show('numbers stacked', () => assert.strictEqual(1234567, 1234568));
show('short', () => assert.strictEqual(1, 2));
show('same structure', () => assert.strictEqual({ a: [1] }, { a: [1] }));
show('same structure deep', () => assert.deepStrictEqual([Symbol('s')], [Symbol('s')]));
show('functions', () => assert.strictEqual(() => {}, () => {}));
show('errors', () => assert.deepStrictEqual(new Error('a', { cause: new Error('x') }), new Error('a', { cause: new Error('y') })));
show('custom message', () => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'custom'));
show('notDeepStrictEqual', () => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
show('notStrictEqual object', () => assert.notStrictEqual(obj, obj));
show('notDeepEqual', () => assert.notDeepEqual([1], ['1']));
show('deepEqual', () => assert.deepEqual({ a: 1 }, { a: 2 }));
show('partial', () => assert.partialDeepStrictEqual({ a: 1, b: [1, 2, 3] }, { b: [1, 4] }));
show('partial pass', () => assert.partialDeepStrictEqual({ a: 1, b: [1, 2, 3], c: new Set([1, 2]) }, { b: [1, 3], c: new Set([2]) }));
show('partial sparse', () => assert.partialDeepStrictEqual([1, , 3], [1, undefined, 3]));
show('Assert strict equal', () => new Assert().equal(1, '1'));
show('Assert loose equal', () => new Assert({ strict: false }).equal(1, '1'));
show('Assert skipPrototype', () => new Assert({ skipPrototype: true }).deepStrictEqual(new (class A { constructor() { this.x = 1; } })(), { x: 1 }));
show('Assert no new', () => Assert());
show('Assert bad diff', () => new Assert({ diff: 'x' }));
show('Assert bad strict', () => new Assert({ strict: 1 }));
const { strictEqual } = new Assert({ diff: 'full' });
show('destructured', () => strictEqual(1, 2));
show('Map loose keys', () => assert.deepEqual(new Map([[1, 'a'], ['1', 'b']]), new Map([['1', 'a'], [true, 'b']])));
