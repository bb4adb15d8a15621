'use strict';
// Unix-domain socket paths node:net refuses: wrong types and empty paths (thrown), a path too long
// for a socket address (EINVAL), and a listener in a directory that does not exist (EACCES, as
// libuv reports it).
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'net-unix-invalid-'));
const show = (s) => String(s).split(dir).join('<dir>').replace(/x{20,}/, (m) => `x*${m.length}`);

const thrown = [
  ['connect({ path: 123 })', () => net.connect({ path: 123 })],
  ['connect({ path: Buffer })', () => net.connect({ path: Buffer.from('/tmp/a.sock') })],
  ['listen({ path: 123 })', () => net.createServer().listen({ path: 123 })],
  ['listen({ path: "" })', () => net.createServer().listen({ path: '' })],
  ['listen({ path: true })', () => net.createServer().listen({ path: true })],
];
for (const [name, f] of thrown) {
  try {
    f();
    console.log(name, 'did not throw');
  } catch (e) {
    console.log(name, '->', e.code, e.message);
  }
}

const long = path.join(dir, 'x'.repeat(120));
const steps = [
  (next) => {
    const s = net.createServer();
    s.listen(long);
    s.on('error', (e) => {
      console.log('long listen:', e.code, e.syscall, show(e.address), e.port, show(e.message), s.listening);
      next();
    });
  },
  (next) => {
    let sync = true;
    const c = net.connect(long);
    c.on('error', (e) => {
      console.log('long connect:', e.code, e.syscall, show(e.address), show(e.message), 'sync:', sync);
    });
    c.on('close', () => next());
    sync = false;
  },
  (next) => {
    const s = net.createServer();
    s.listen(path.join(dir, 'no-such-dir', 'a.sock'));
    s.on('error', (e) => {
      console.log('missing dir:', e.code, e.errno === require('os').constants.errno.EACCES * -1, e.syscall, show(e.address), show(e.message));
      next();
    });
  },
];
(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
  else {
    fs.rmSync(dir, { recursive: true });
    console.log('done');
  }
})(0);
