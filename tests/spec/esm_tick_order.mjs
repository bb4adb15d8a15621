// An ES module entry runs from a microtask, as in Node: microtasks its top level queues run
// before its process.nextTick callbacks, and an import() settles within the same drain.
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('micro'));
queueMicrotask(() => console.log('queueMicrotask'));
console.log('body');
for (const spec of ['node:fs', './fixtures/esm/lib.mjs', './fixtures/cjs_a.js']) {
  let ticked = false;
  process.nextTick(() => { ticked = true; });
  await import(spec);
  console.log(spec, 'a tick ran during the import:', ticked);
}
