// attack: replace the program with a shell through process.execve
// denied: ERR_ACCESS_DENIED ChildProcess
// grant: --allow-child-process
// allowed: replaced by sh
process.removeAllListeners('warning');
process.on('warning', () => {});
try {
  process.execve('/bin/sh', ['sh', '-c', 'echo replaced by sh']);
} catch (e) {
  console.log(e.code, e.permission);
}
