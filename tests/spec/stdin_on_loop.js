// process.stdin on the event loop: each chunk arrives as it is written, while the loop goes on.
const { spawn } = require('child_process');
if (process.argv[2] === 'child') {
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => process.stdout.write(`got ${chunk}`));
  process.stdin.on('end', () => console.log('end'));
  process.stdin.on('close', () => console.log('close'));
  return;
}
const child = spawn(process.execPath, [__filename, 'child']);
child.stdout.setEncoding('utf8');
let out = '';
child.stdout.on('data', (chunk) => {
  out += chunk;
  // The second line goes only once the child has answered the first: it cannot be waiting
  // for its input to end.
  if (out === 'got one\n') {
    child.stdin.write('two\n');
    child.stdin.end();
  }
});
child.stdin.write('one\n');
child.on('close', (code) => {
  process.stdout.write(out);
  console.log('exit', code);
});
