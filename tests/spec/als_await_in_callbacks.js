'use strict';
// An async function run from a callback keeps its store across awaits of work started in the
// same context (timers, immediates, ticks, fs callbacks, promise chains).
const { AsyncLocalStorage } = require('async_hooks');
const { setTimeout: sleep, setImmediate: yieldNow } = require('timers/promises');
const fs = require('fs');

const als = new AsyncLocalStorage();
const seen = [];
const note = (what) => seen.push(`${what}=${als.getStore()}`);

async function helper(label) {
  await sleep(1);
  note(`${label}:helper after sleep`);
  await yieldNow();
  return label;
}

als.run('A', () => {
  setTimeout(async () => {
    await null;
    note('A:after await null');
    await sleep(2);
    note('A:after sleep');
    const r = await helper('A');
    note(`A:helper returned ${r}`);
    await new Promise((resolve) => fs.stat(__filename, resolve));
    note('A:after fs.stat');
  }, 1);
});

als.run('B', () => {
  setImmediate(async () => {
    await yieldNow();
    note('B:after yield');
    await new Promise((resolve) => process.nextTick(resolve));
    note('B:after nextTick');
    als.enterWith('B2');
    await sleep(1);
    note('B:after enterWith and sleep');
  });
});

als.run('C', () => {
  process.nextTick(async () => {
    for (let i = 0; i < 3; i++) await sleep(1);
    note('C:after 3 sleeps');
  });
});

setTimeout(() => {
  seen.sort();
  for (const s of seen) console.log(s);
  console.log('outside', als.getStore());
}, 100);
