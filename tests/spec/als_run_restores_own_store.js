'use strict';
// run() puts back only its own storage's store: another storage's enterWith() inside stays;
// run() with the store already current calls straight through; disable() forgets the store of
// the current frame.
const { AsyncLocalStorage } = require('async_hooks');

const a = new AsyncLocalStorage();
const b = new AsyncLocalStorage();
a.run('a1', () => {
  b.enterWith('b-inside');
  console.log('inside', a.getStore(), b.getStore());
});
console.log('after', a.getStore(), b.getStore());

const d = new AsyncLocalStorage({ defaultValue: 'dflt' });
d.run(1, () => {});
console.log('default after run', d.getStore());
d.run('dflt', () => d.enterWith('kept'));
console.log('same store: straight through', d.getStore());

const e = new AsyncLocalStorage();
e.run(undefined, () => e.enterWith(7));
console.log('undefined store: straight through', e.getStore());
e.exit(() => console.log('inside exit', e.getStore()));
console.log('after exit', e.getStore());

const f = new AsyncLocalStorage();
f.run('shared', () => {
  setTimeout(() => console.log('timer after disable', f.getStore()), 1);
  f.disable();
  console.log('disabled in run', f.getStore());
});
console.log('after run with disable', f.getStore());
