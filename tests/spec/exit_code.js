process.on('exit', (code) => console.log('exit handler', code, process.exitCode));
process.exitCode = 3;
console.log('set exitCode');
