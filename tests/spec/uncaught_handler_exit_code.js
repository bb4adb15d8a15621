process.on('uncaughtException', (e) => { console.log('handled', e.message); process.exitCode = 2; });
setTimeout(() => { throw new Error('late'); }, 1);
setTimeout(() => console.log('continues'), 5);
