'use strict';
// AsyncLocalStorage's store reaches the callbacks the event loop dispatches for handles: a child
// process's output and exit, a server's connections (in the store of listen()), and a client
// socket's connect, data and close.
const { AsyncLocalStorage } = require('async_hooks');
const { spawn } = require('child_process');
const net = require('net');

const als = new AsyncLocalStorage();
const seen = [];
const note = (what) => seen.push(`${what}=${als.getStore()}`);
let pending = 2;
const done = () => {
  if (--pending > 0) return;
  seen.sort();
  for (const s of seen) console.log(s);
};

als.run('child', () => {
  const child = spawn(process.execPath, ['-e', 'process.stdout.write("hi")']);
  child.stdout.once('data', () => note('child stdout data'));
  child.on('exit', () => note('child exit'));
  child.on('close', () => { note('child close'); done(); });
});

const server = als.run('server', () => net.createServer((socket) => {
  note('server connection');
  socket.on('data', () => socket.end('pong'));
}));
als.run('listen', () => server.listen(0, '127.0.0.1', () => {
  note('listening');
  als.run('client', () => {
    const client = net.connect(server.address().port, '127.0.0.1', () => {
      note('client connect');
      client.write('ping');
    });
    client.on('data', (d) => note(`client data ${d}`));
    client.on('close', () => {
      note('client close');
      server.close(done);
    });
  });
}));
