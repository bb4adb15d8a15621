'use strict';
// assert.throws / doesNotThrow / rejects / match / fail / ifError: every validation form and
// argument error, with Node's messages.
const assert = require('assert');
const t = (label, f) => {
  try {
    f();
    console.log(label, 'passed');
  } catch (e) {
    console.log(label, e.name, e.code, e.operator, e.generatedMessage, JSON.stringify(e.message));
  }
};
t('class primitive', () => assert.throws(() => { throw 5; }, TypeError));
t('class other', () => assert.throws(() => { throw new RangeError('boom'); }, TypeError));
t('class same name', () => {
  class A extends Error {}
  class B extends Error {}
  Object.defineProperty(B, 'name', { value: 'A' });
  assert.throws(() => { throw new B('m'); }, A);
});
t('function false', () => assert.throws(() => { throw new TypeError('boom'); }, (e) => false));
t('function named', () => assert.throws(() => { throw new TypeError('boom'); }, function named() { return 1; }));
t('object', () => assert.throws(() => { throw new TypeError('boom'); }, { message: 'x', name: 'TypeError' }));
t('object regexp', () => assert.throws(() => { throw new TypeError('boom'); }, { message: /x/ }));
t('object missing key', () => assert.throws(() => { throw new TypeError('boom'); }, { message: /bo/, code: 'X' }));
t('object primitive thrown', () => assert.throws(() => { throw 'x'; }, { a: 1 }));
t('object error instance', () => assert.throws(() => { throw new TypeError('a'); }, new TypeError('b')));
t('regexp', () => assert.throws(() => { throw new TypeError('boom'); }, /x/));
t('missing', () => assert.throws(() => {}));
t('missing class message', () => assert.throws(() => {}, TypeError, 'msg'));
t('string message', () => assert.throws(() => {}, 'msg'));
t('ambiguous message', () => assert.throws(() => { throw new Error('msg'); }, 'msg'));
t('ambiguous primitive', () => assert.throws(() => { throw 'msg'; }, 'msg'));
t('string and message', () => assert.throws(() => { throw new Error('a'); }, 'a', 'b'));
t('fn not function', () => assert.throws(1));
t('error bad type', () => assert.throws(() => { throw new Error(); }, 1));
t('error empty object', () => assert.throws(() => { throw new Error(); }, {}));
t('doesNotThrow message', () => assert.doesNotThrow(() => { throw new TypeError('boom'); }, 'hello'));
t('doesNotThrow class', () => assert.doesNotThrow(() => { throw new TypeError('boom'); }, TypeError, 'hello'));
t('doesNotThrow other class', () => assert.doesNotThrow(() => { throw new TypeError('boom'); }, RangeError));
t('doesNotThrow bad expected', () => assert.doesNotThrow(() => { throw new TypeError('boom'); }, 5));
t('match type', () => assert.match(1, /a/));
t('match', () => assert.match('b', /a/));
t('doesNotMatch', () => assert.doesNotMatch('a', /a/));
t('match regexp arg', () => assert.match('a', 'a'));
t('match custom', () => assert.match('b', /a/, 'custom'));
t('fail none', () => assert.fail());
t('fail message', () => assert.fail('boom'));
t('fail error', () => assert.fail(new TypeError('own')));
t('ifError empty', () => assert.ifError(new Error('')));
t('ifError string', () => assert.ifError('x'));
t('ifError null', () => assert.ifError(null));
t('missing args', () => assert.strictEqual(1));
t('AssertionError options', () => new assert.AssertionError(1));
t('ok no args', () => assert.ok());
t('ok message error', () => assert.ok(0, new RangeError('mine')));
t('ok source', () => assert.ok(typeof 1 === 'string'));
t('equal NaN', () => assert.equal(NaN, NaN));
t('notEqual', () => assert.notEqual(1, '1'));
(async () => {
  const r = (label, p) => p.then(() => console.log(label, 'resolved'), (e) => console.log(label, e.name, e.code, e.operator, JSON.stringify(e.message)));
  await r('rejects missing', assert.rejects(Promise.resolve(1)));
  await r('rejects not promise', assert.rejects(() => 5));
  await r('rejects undefined', assert.rejects(() => undefined));
  await r('rejects bad arg', assert.rejects('fail', {}));
  await r('rejects object', assert.rejects(Promise.reject(new Error('x')), { message: 'y' }));
  await r('doesNotReject', assert.doesNotReject(Promise.reject(new Error('x'))));
  await r('doesNotReject fn', assert.doesNotReject(() => Promise.resolve()));
  await r('rejects sync throw', assert.rejects(() => { throw new Error('sync'); }));
})();
