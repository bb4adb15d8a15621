queueMicrotask(() => console.log('microtask 1'));
queueMicrotask(() => console.log('microtask 2'));
try { queueMicrotask('nope'); } catch (e) { console.log(e.code); }
console.log('sync');
