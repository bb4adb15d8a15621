process.on('unhandledRejection', (reason, p) => console.log('unhandled', reason, p instanceof Promise));
Promise.reject('plain');
const late = Promise.reject(new Error('late')); late.catch(() => console.log('handled in time'));
