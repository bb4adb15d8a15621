'use strict';
// AsyncLocalStorage's store follows each kind of callback from where it was scheduled.
const { AsyncLocalStorage } = require('async_hooks');
const fs = require('fs');
const timersPromises = require('timers/promises');

const als = new AsyncLocalStorage();
const seen = [];
const note = (what) => seen.push(`${what}=${als.getStore()}`);

als.run('timeout', () => setTimeout(() => note('setTimeout'), 1));
als.run('interval', () => {
  let n = 0;
  const iv = setInterval(() => {
    note(`setInterval#${++n}`);
    if (n === 2) clearInterval(iv);
  }, 1);
});
als.run('immediate', () => setImmediate(() => note('setImmediate')));
als.run('tick', () => process.nextTick(() => note('nextTick')));
als.run('microtask', () => queueMicrotask(() => note('queueMicrotask')));
als.run('then', () => Promise.resolve().then(() => note('then')));
als.run('catch', () => Promise.reject(new Error('x')).catch(() => note('catch')));
als.run('finally', () => Promise.resolve().finally(() => note('finally')));
als.run('fs', () => fs.stat(__filename, () => note('fs.stat')));
als.run('tp.setTimeout', () => timersPromises.setTimeout(1).then(() => note('timers/promises.setTimeout')));
als.run('tp.setImmediate', () => timersPromises.setImmediate().then(() => note('timers/promises.setImmediate')));
als.run('nested', () => {
  setTimeout(() => {
    note('outer');
    als.run('inner', () => setImmediate(() => note('inner')));
    setImmediate(() => note('outer-again'));
  }, 1);
});
// A reaction runs in the store current when .then was called, not when the promise settled.
let resolveLater;
const later = new Promise((r) => { resolveLater = r; });
als.run('registered', () => later.then(() => note('registration-store')));
als.run('resolver', () => setTimeout(resolveLater, 1));

note('main');
setTimeout(() => {
  setTimeout(() => {
    seen.sort();
    for (const s of seen) console.log(s);
  }, 20);
}, 20);
