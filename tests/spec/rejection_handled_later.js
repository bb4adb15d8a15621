process.on('unhandledRejection', (r) => console.log('unhandled', r.message));
process.on('rejectionHandled', () => console.log('handled later'));
const p = Promise.reject(new Error('late catch'));
setTimeout(() => p.catch(() => console.log('caught')), 5);
