let n = 0;
process.on('beforeExit', () => { console.log('beforeExit', ++n); });
process.on('exit', (c) => console.log('exit', c, n));
