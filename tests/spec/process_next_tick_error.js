process.on('uncaughtException', (e) => console.log('caught', e.message));
process.nextTick(() => { throw new Error('from tick'); });
process.nextTick(() => console.log('next tick still runs'));
