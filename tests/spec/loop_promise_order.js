const log = [];
Promise.resolve().then(() => log.push(1)).then(() => log.push(3));
Promise.resolve().then(() => log.push(2)).then(() => log.push(4));
(async () => { log.push('a0'); await null; log.push('a1'); await null; log.push('a2'); })();
queueMicrotask(() => log.push('q'));
process.nextTick(() => log.push('t'));
setTimeout(() => console.log(log.join(' ')), 0);
