// assert.partialDeepStrictEqual asks nothing of prototypes (another realm's objects, a class's
// instances match plain objects), compares an error's name and only what the expected error has
// of message, cause and errors, and still tells maps, arrays, errors and objects apart.
const assert = require('assert'); const vm = require('vm');
const t = (name, a, e) => { try { assert.partialDeepStrictEqual(a, e); console.log(name, 'pass'); } catch (err) { console.log(name, 'FAIL'); } };
t('nullproto actual', Object.create(null), {});
t('nullproto expected', {}, Object.create(null));
class A {}
t('class actual', new A(), {});
t('class expected', {}, new A());
t('realm', vm.runInNewContext('({a:1})'), { a: 1 });
t('realm map', vm.runInNewContext('new Map([[1,2]])'), new Map([[1, 2]]));
t('realm arr', vm.runInNewContext('[1,2]'), [1]);
t('map vs obj', new Map(), {});
t('arr vs obj', [], {});
t('obj vs arr', {}, []);
t('err msg', new Error('x'), new Error());
t('err msg2', new Error(), new Error('x'));
t('err name', new TypeError('x'), new Error('x'));
t('err name2', new Error('x'), new TypeError('x'));
t('err cause', new Error('x', { cause: 1 }), new Error('x'));
t('err cause2', new Error('x'), new Error('x', { cause: 1 }));
t('err cause undef', new Error('x', { cause: undefined }), new Error('x'));
t('err cause diff', new Error('x', { cause: 1 }), new Error('x', { cause: 2 }));
t('agg', new AggregateError([1, 2]), new AggregateError([]));
t('agg2', new AggregateError([1, 2]), new AggregateError([2]));
t('agg3', new AggregateError([1, 2]), new AggregateError([3]));
const e1 = new Error('x'); e1.extra = 1;
t('err extra', e1, new Error('x'));
const e2 = new Error('x'); e2.extra = 1;
t('err extra2', new Error('x'), e2);
t('date realm', vm.runInNewContext('new Date(0)'), new Date(0));
t('regexp realm', vm.runInNewContext('/a/g'), /a/g);
t('boxed', Object(1), Object(1));
t('set realm', vm.runInNewContext('new Set([1,2])'), new Set([1]));
t('err vs obj', new Error('x'), { message: 'x' });
t('err realm', vm.runInNewContext('new Error("x")'), new Error('x'));
