setTimeout(() => console.log('unref timer never runs'), 100).unref();
const i = setInterval(() => {}, 1000); i.unref();
setImmediate(() => console.log('immediate runs'));
process.on('exit', () => console.log('exit without waiting'));
