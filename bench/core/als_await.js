// AsyncLocalStorage.run around 1M awaited promises, each reading the store.
const { timeAsync } = require('./timer.js');
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
timeAsync(() => als.run({ n: 0 }, async () => {
  for (let i = 0; i < 1e6; i++) {
    await null;
    als.getStore().n++;
  }
  if (als.getStore().n !== 1e6) throw new Error('store lost');
}));
