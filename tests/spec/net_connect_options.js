'use strict';
// Connecting with several addresses (autoSelectFamily), a BlockList, a local address, onread,
// and the handle's setNoDelay/setKeepAlive calls.
const net = require('net');

function lookupOf(...addresses) {
  return (host, options, cb) => {
    const all = addresses.map((address) => ({ address, family: net.isIP(address) }));
    if (options.all) process.nextTick(cb, null, all);
    else process.nextTick(cb, null, all[0].address, all[0].family);
  };
}

const steps = [];
function next() {
  const step = steps.shift();
  if (step) step();
}

const server = net.createServer((socket) => {
  socket.on('error', () => {});
  socket.end('hello world');
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();

  // The families alternate from the first answer's; the one that answers wins.
  steps.push(() => {
    const events = [];
    const c = net.connect({
      host: 'example.test', port, autoSelectFamily: true,
      lookup: lookupOf('127.0.0.2', '::1', '127.0.0.1'),
    });
    c.on('connectionAttempt', (ip, p, family) => events.push(`attempt ${ip} ${family}`));
    c.on('connectionAttemptFailed', (ip, p, family, err) => events.push(`failed ${ip} ${err.code}`));
    c.on('connect', () => {
      console.log(events.join('\n'));
      console.log('attempted', c.autoSelectFamilyAttemptedAddresses.map((a) => a.replace(`:${port}`, ':PORT')));
      console.log('remote', c.remoteAddress);
      c.destroy();
      next();
    });
  });

  // Every address refused: an AggregateError with each attempt's error.
  steps.push(() => {
    const blockList = new net.BlockList();
    blockList.addAddress('127.0.0.1');
    const c = net.connect({ host: 'example.test', port, blockList, lookup: lookupOf('127.0.0.1', '::1'),
                            autoSelectFamily: true });
    c.on('error', (err) => {
      console.log(err.name, err.code, err.errors.map((e) => e.code));
      next();
    });
  });

  // A local address and port already in use.
  steps.push(() => {
    const c = net.connect({ host: '127.0.0.1', port, localAddress: '127.0.0.1', localPort: port });
    c.on('error', (err) => {
      console.log('local', err.code);
      next();
    });
  });

  // onread: reads go into the given buffer, not to 'data'.
  steps.push(() => {
    const chunks = [];
    const buffer = Buffer.alloc(4);
    const c = net.connect({
      port, host: '127.0.0.1',
      onread: { buffer, callback(n, buf) { chunks.push(buf.toString('latin1', 0, n)); } },
    });
    c.on('data', () => console.log('data should not be emitted'));
    c.on('end', () => {
      console.log('onread', chunks.join(''));
      next();
    });
  });

  // The handle's options are set once the connection is made, and only when they change.
  steps.push(() => {
    const c = net.connect({ port, host: '127.0.0.1', noDelay: true, keepAlive: true, keepAliveInitialDelay: 2500 });
    c._handle.setNoDelay = (on) => console.log('setNoDelay', on);
    c._handle.setKeepAlive = (on, delay) => console.log('setKeepAlive', on, delay);
    c.on('connect', () => {
      c.setNoDelay(true);
      c.setKeepAlive(true, 2000);
      c.setKeepAlive(true, 3000);
      c.destroy();
      next();
    });
  });

  steps.push(() => server.close(() => console.log('done')));
  next();
});
