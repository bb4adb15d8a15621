setTimeout(() => { console.log('exiting'); process.exit(4); }, 1);
setTimeout(() => console.log('never'), 50);
process.on('exit', (c) => console.log('exit code', c));
