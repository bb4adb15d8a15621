// attack: read and change the scheduling priority of a process the program did not start (the
// host's pid 2, kthreadd; under --safe pid 1 is the program itself); the sandbox's host
// reaches only the program's own children and the program, which the positive control does
// modes: safe
// denied: foreign EPERM EPERM
// grant: --allow-child-process
// allowed: own 10
const os = require('os');
const codes = [];
for (const op of [() => os.getPriority(2), () => os.setPriority(2, 19)]) {
  try {
    op();
    codes.push('reached');
  } catch (e) {
    codes.push(e.info ? e.info.code : e.code);
  }
}
console.log('foreign', ...codes);
try {
  const child = require('child_process').spawn('sleep', ['5']);
  os.setPriority(child.pid, 10);
  console.log('own', os.getPriority(child.pid));
  child.kill();
} catch (e) {
  console.log('spawn', e.code);
}
