// attack: signal a process the program did not start (the host's pid 2, kthreadd; under --safe
// pid 1 is the program itself); the sandbox's host signals only the program's own children
// and the program, which the positive control does
// modes: safe
// denied: foreign EPERM
// grant: --allow-child-process
// allowed: own SIGTERM
try {
  process.kill(2, 0);
  console.log('signalled pid 2');
} catch (e) {
  console.log('foreign', e.code);
}
try {
  const child = require('child_process').spawn('sleep', ['5']);
  child.on('exit', (code, signal) => console.log('own', signal));
  child.kill();
} catch (e) {
  console.log('spawn', e.code);
}
