// A process sending itself a signal it does not listen for ends by that signal, its output
// written first.
console.log('before');
process.kill(process.pid, 'SIGTERM');
setTimeout(() => console.log('not reached'), 1000);
