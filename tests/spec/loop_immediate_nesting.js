const log = [];
setImmediate(() => { log.push('i1'); setImmediate(() => log.push('i3')); process.nextTick(() => log.push('tick in i1')); });
setImmediate(() => { log.push('i2'); Promise.resolve().then(() => log.push('micro in i2')); });
setTimeout(() => console.log(log.join(',')), 20);
