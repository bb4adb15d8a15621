// The store current when an async function awaits (or a then callback is registered) is the one
// seen when it resumes, whoever settles the promise and whatever store is current then.
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
const log = [];

// A promise settled later from outside any store.
function deferred() {
  let resolve;
  const promise = new Promise((r) => { resolve = r; });
  return { promise, resolve };
}

const d1 = deferred();
async function worker(name) {
  log.push(`${name} start ${als.getStore()}`);
  await d1.promise;
  log.push(`${name} after first await ${als.getStore()}`);
  await null;
  log.push(`${name} after second await ${als.getStore()}`);
  await als.run(`${name}-inner`, async () => {
    await d2.promise;
    log.push(`${name} inner ${als.getStore()}`);
  });
  log.push(`${name} after inner ${als.getStore()}`);
  return als.getStore();
}
const d2 = deferred();

const results = [als.run('A', worker, 'A'), als.run('B', worker, 'B'), worker('none')];
log.push(`outside ${als.getStore()}`);

// then callbacks: the store at registration, not at settlement.
const d3 = deferred();
als.run('registered', () => {
  d3.promise.then((v) => log.push(`then ${v} ${als.getStore()}`));
});
als.run('settling', () => d3.resolve('value'));

// A store entered inside a reaction stays inside it.
Promise.resolve().then(() => { als.enterWith('leaked?'); });
Promise.resolve().then(() => log.push(`next reaction ${als.getStore()}`));

// queueMicrotask and thenables take the store current when they are queued.
als.run('queued', () => queueMicrotask(() => log.push(`microtask ${als.getStore()}`)));
als.run('thenable', () => {
  Promise.resolve({ then(resolve) { log.push(`thenable then ${als.getStore()}`); resolve(); } });
});

// Two storages at once, and exit().
other.run('o', () => als.run('both', async () => {
  await null;
  log.push(`both ${als.getStore()} ${other.getStore()}`);
  await als.exit(async () => {
    await null;
    log.push(`exited ${als.getStore()} ${other.getStore()}`);
  });
  log.push(`back ${als.getStore()} ${other.getStore()}`);
}));

// Async generators and for await.
async function* gen() {
  log.push(`gen start ${als.getStore()}`);
  await null;
  yield 1;
  log.push(`gen resumed ${als.getStore()}`);
}
als.run('loop', async () => {
  for await (const v of gen()) log.push(`for await ${v} ${als.getStore()}`);
});

// snapshot() runs a function in the captured store, across its awaits.
const snap = als.run('snapshot', () => AsyncLocalStorage.snapshot());
snap(async () => {
  await null;
  log.push(`snapshot ${als.getStore()}`);
});

setTimeout(() => {
  d1.resolve();
  setTimeout(() => {
    als.run('timer', () => d2.resolve());
    Promise.all(results).then((r) => {
      log.push(`results ${r.join(',')}`);
      for (const line of log) console.log(line);
    });
  }, 1);
}, 1);
