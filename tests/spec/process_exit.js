process.on('exit', (code) => console.log('exiting with', code));
setTimeout(() => console.log('never'), 10);
console.log('before');
process.exit(5);
console.log('after');
