'use strict';
// AsyncLocalStorage: run, exit, enterWith, disable, getStore, options, static bind and snapshot.
const { AsyncLocalStorage } = require('async_hooks');

const a = new AsyncLocalStorage();
const b = new AsyncLocalStorage({ name: 'b-store', defaultValue: 'dflt' });
console.log('name', JSON.stringify(a.name), b.name);
console.log('outside', a.getStore(), b.getStore());

console.log('run returns', a.run(1, (x, y) => x + y, 2, 3));
a.run({ id: 1 }, function () {
  console.log('this in run', this);
  console.log('in run', a.getStore(), b.getStore());
  b.run('bee', () => {
    console.log('nested', a.getStore(), b.getStore());
    console.log('exit a', a.exit(() => [a.getStore(), b.getStore()]));
    console.log('back', a.getStore(), b.getStore());
  });
  console.log('b restored', b.getStore());
});
console.log('b.run(undefined)', b.run(undefined, () => b.getStore()));

try {
  a.run(2, () => { throw new Error('thrown in run'); });
} catch (err) {
  console.log('caught', err.message, 'store after', a.getStore());
}

a.run(3, () => {
  a.enterWith(4);
  console.log('enterWith inside run', a.getStore());
});
console.log('after run with enterWith', a.getStore());

const snap = a.run('snap', () => AsyncLocalStorage.snapshot());
console.log('snapshot', snap((p, q) => `${a.getStore()}:${p}${q}`, 'x', 'y'), a.getStore());

const bound = a.run('bound', () => AsyncLocalStorage.bind(function (v) { return [this && this.tag, a.getStore(), v]; }));
console.log('bind', bound.call({ tag: 't' }, 7), a.getStore());

a.enterWith('entered');
console.log('enterWith at top', a.getStore());
a.disable();
console.log('after disable', a.getStore());
console.log('run after disable', a.run(5, () => a.getStore()));
b.enterWith('b2');
b.disable();
console.log('disable falls back to default', b.getStore());

console.log(Object.getOwnPropertyNames(AsyncLocalStorage.prototype).sort().join());
console.log(typeof AsyncLocalStorage.bind, typeof AsyncLocalStorage.snapshot);
