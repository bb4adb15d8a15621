// A paused or unref'd process.stdin does not keep the process alive, though its input stays open.
const { spawn } = require('child_process');
const mode = process.argv[2];
if (mode === 'pause') {
  process.stdin.on('data', (chunk) => console.log('data', chunk.length));
  process.stdin.pause();
  console.log('paused:', process.stdin.isPaused());
  setTimeout(() => console.log('pause: the loop ends'), 10);
  return;
}
if (mode === 'unref') {
  process.stdin.resume();
  process.stdin.unref();
  setTimeout(() => console.log('unref: the loop ends'), 10);
  return;
}
function run(which, next) {
  const child = spawn(process.execPath, [__filename, which]);
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => { out += chunk; });
  child.stdin.write('never read\n');
  // The child's stdin is left open: only its own loop can end it.
  child.on('exit', (code) => {
    process.stdout.write(out);
    console.log(which, 'exit', code);
    child.stdin.destroy();
    next();
  });
}
run('pause', () => run('unref', () => {}));
