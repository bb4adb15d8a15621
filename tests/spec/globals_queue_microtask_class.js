// queueMicrotask: a class as the callback fails (in V8's words) as an uncaught exception, and the
// queue goes on; argument errors are thrown at once.
process.on('uncaughtException', (err) => console.log('uncaught', err.name, err.message));
queueMicrotask(class Named {});
queueMicrotask(() => console.log('later microtask ran'));
for (const bad of [undefined, 1, 'f', {}]) {
  try { queueMicrotask(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(queueMicrotask.name, queueMicrotask.length, queueMicrotask(() => {}));
