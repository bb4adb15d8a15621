'use strict';
// Bulk transfer through a local socket: `bulk.js tcp|tls MEGABYTES`. A server in this process
// sends MEGABYTES MiB in 64 KiB writes to a client in this process, which counts them; prints
// MiB/s. TLS uses the test certificates (tests/spec/fixtures/tls) and the default suite.
const net = require('net');
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const kind = process.argv[2];
const total = Number(process.argv[3] || 256) * 1024 * 1024;
const fixtures = path.join(__dirname, '..', '..', 'tests', 'spec', 'fixtures', 'tls');
const chunk = Buffer.alloc(64 * 1024, 'x');

function serve(socket) {
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!socket.write(chunk)) return socket.once('drain', pump);
    }
    socket.end();
  };
  pump();
}

const server = kind === 'tls' ?
  tls.createServer({ key: fs.readFileSync(path.join(fixtures, 'server-key.pem')),
    cert: fs.readFileSync(path.join(fixtures, 'server.pem')) }, serve) :
  net.createServer(serve);

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const start = process.hrtime.bigint();
  const client = kind === 'tls' ?
    tls.connect({ port, host: '127.0.0.1', ca: fs.readFileSync(path.join(fixtures, 'ca.pem')), servername: 'localhost' }) :
    net.connect(port, '127.0.0.1');
  let got = 0;
  client.on('data', (d) => { got += d.length; });
  client.on('end', () => {
    const secs = Number(process.hrtime.bigint() - start) / 1e9;
    if (got !== total) throw new Error(`received ${got} of ${total} bytes`);
    process.stdout.write(`${(total / 1048576 / secs).toFixed(1)}\n`);
    server.close();
  });
});
