'use strict';
// Unix-domain sockets under the permission model: a socket path is a file, so without a grant
// for it listen() and connect() throw ERR_ACCESS_DENIED naming the file-system flag (listening
// needs --allow-fs-write; connecting --allow-fs-read and --allow-fs-write), and a name in the
// abstract namespace needs --allow-net. Runs the attempts in a child moat with --permission and
// no such grants (under --safe the child is sandboxed with this run's grants, which have none
// either). Node 24 does not check sockets against its permission model, so this expectation is
// moat's own.
const { spawnSync } = require('child_process');

const child = `
const net = require('net');
const attempts = [
  ['listen', () => net.createServer().listen('/tmp/moat-net-unix-denied.sock')],
  ['listen({ path })', () => net.createServer().listen({ path: '/tmp/moat-net-unix-denied.sock' })],
  ['connect', () => net.connect('/tmp/moat-net-unix-denied.sock')],
  ['Socket.connect({ path })', () => new net.Socket().connect({ path: '../relative.sock' })],
  ['abstract listen', () => net.createServer().listen('\\0moat-net-unix-denied')],
  ['abstract connect', () => net.connect('\\0moat-net-unix-denied')],
];
for (const [name, f] of attempts) {
  try {
    const r = f();
    r.on('error', (e) => console.log(name, 'error event', e.code));
    console.log(name, 'did not throw');
  } catch (e) {
    console.log(name, '->', e.code, e.permission, JSON.stringify(e.resource), e.message);
  }
}
`;
const r = spawnSync(process.execPath, ['--permission', '-e', child], { encoding: 'utf8' });
process.stdout.write(r.stdout);
console.log('stderr:', JSON.stringify(r.stderr), 'status:', r.status);
