process.on('exit', (code) => { console.log('first', code); process.exitCode = 9; });
process.on('exit', (code) => console.log('second', code, process.exitCode));
