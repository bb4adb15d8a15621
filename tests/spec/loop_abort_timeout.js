const s = AbortSignal.timeout(5);
s.addEventListener('abort', () => console.log('aborted', s.reason.name, s.reason.message));
setTimeout(() => console.log('still alive'), 20);
