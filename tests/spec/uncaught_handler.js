process.on('uncaughtException', (err, origin) => console.log('caught', err.message, origin));
setTimeout(() => console.log('still running'), 1);
throw new Error('handled');
