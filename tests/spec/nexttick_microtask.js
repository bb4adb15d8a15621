const log = [];
Promise.resolve().then(() => { log.push('p1'); process.nextTick(() => log.push('tick in p1')); })
  .then(() => log.push('p2'));
process.nextTick(() => { log.push('t1'); Promise.resolve().then(() => log.push('p in t1')); });
process.nextTick(() => log.push('t2'));
setTimeout(() => console.log(log.join(',')), 0);
