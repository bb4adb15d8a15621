// node:net: an echo server and its client on loopback: events in Node's order, addresses,
// byte counts, encodings, a large write with backpressure, half-open sockets, and errors.
const net = require('net');

for (const bad of [70000, -1, 1.5, '65536']) {
  try { net.connect(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
try { net.createServer().listen(65536); } catch (e) { console.log(e.code, e.message); }
net.createServer().close((e) => console.log('close unlistened:', e.code, e.message));
console.log(typeof net.Socket, net.Stream === net.Socket, net.isIP('::1'), net.isIPv4('127.0.0.1'));

const server = net.createServer((sock) => {
  console.log('server: connection', sock.remoteAddress, sock.remoteFamily, sock.localPort === server.address().port);
  sock.setEncoding('utf8');
  let got = '';
  sock.on('data', (d) => {
    got += d;
    if (got.endsWith('\n')) sock.write(`echo:${got}`);
  });
  sock.on('end', () => {
    console.log('server: end', JSON.stringify(got).length);
    sock.end();
  });
  sock.on('close', (hadError) => {
    console.log('server: close', hadError, sock.bytesRead, sock.bytesWritten);
    closed();
  });
});
server.on('listening', () => console.log('listening', server.listening, server.address().address, typeof server.address().port));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const client = net.connect({ port, host: '127.0.0.1' });
  console.log('connecting', client.connecting, client.pending, client.readyState);
  client.on('connect', () => console.log('client: connect', client.readyState, client.remotePort === port));
  client.on('ready', () => {
    console.log('client: ready');
    client.write('hello ', () => console.log('client: first write flushed'));
    client.write('world\n');
  });
  client.on('data', (d) => {
    console.log('client: data', Buffer.isBuffer(d), d.toString());
    client.end();
  });
  client.on('end', () => console.log('client: end'));
  client.on('finish', () => console.log('client: finish'));
  client.on('close', (hadError) => {
    console.log('client: close', hadError, client.destroyed, client.readyState);
    closed();
  });
});

// The next part starts once both ends of the first connection are closed.
let closes = 0;
function closed() {
  if (++closes === 2) big();
}

// A megabyte through a second connection: when write() reports backpressure, 'drain' follows
// (whether it does depends on how much the OS takes at once); every byte arrives.
function big() {
  const size = 1 << 20;
  const sink = net.createServer((sock) => {
    let n = 0;
    sock.on('data', (d) => { n += d.length; });
    sock.on('end', () => {
      console.log('sink: received', n === size);
      sock.end();
      sink.close(() => {
        console.log('sink closed');
        server.close(() => {
          console.log('server closed');
          refused();
        });
      });
    });
  });
  sink.listen(0, '127.0.0.1', () => {
    const c = net.connect(sink.address().port, '127.0.0.1', () => {
      if (c.write(Buffer.alloc(size, 7))) c.end();
      else c.once('drain', () => c.end());
    });
  });
}

// Nothing listens on a port just freed: the connection is refused.
function refused() {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => {
      const c = net.connect(port, '127.0.0.1');
      c.on('error', (e) => console.log('refused:', e.code, e.errno, e.syscall, e.address, e.port === port,
        e.message === `connect ECONNREFUSED 127.0.0.1:${port}`));
      c.on('close', (hadError) => console.log('refused close', hadError));
    });
  });
}
