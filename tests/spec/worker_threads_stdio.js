'use strict';
// A worker's output: by default it reaches this process's stdout and stderr, after what the
// worker sent before it and before its 'exit'; with `stdout: true` and `stderr: true` it is
// the parent's to read from worker.stdout and worker.stderr.
const { Worker } = require('worker_threads');

const code = `
  const { parentPort } = require('worker_threads');
  parentPort.postMessage('first');
  console.log('worker says hello');
  console.error('worker warns');
  process.stdout.write('no newline');
  process.stdout.write(' then one\\n');
`;

const shared = new Worker(code, { eval: true });
shared.on('message', (m) => console.log('message:', m));
shared.on('exit', (c) => {
  console.log('exit', c);
  const own = new Worker(code, { eval: true, stdout: true, stderr: true });
  let out = '';
  let err = '';
  own.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
  own.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
  own.stdout.on('end', () => console.log('stdout ended:', JSON.stringify(out)));
  own.on('exit', (c2) => setImmediate(() => console.log('exit', c2, 'stderr:', JSON.stringify(err))));
});
