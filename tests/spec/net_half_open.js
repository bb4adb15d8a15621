'use strict';
// allowHalfOpen: the server keeps writing after the client's end; without it the socket ends
// its side as soon as the peer's end arrives. Also EADDRINUSE.
const net = require('net');
const log = [];
const server = net.createServer({ allowHalfOpen: true }, (s) => {
  let got = '';
  s.on('data', (d) => { got += d; });
  s.on('end', () => {
    log.push(`server end, got ${got}, writable=${s.writable}`);
    setTimeout(() => {
      s.write('late ');
      s.end('reply');
    }, 20);
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const other = net.createServer();
  other.on('error', (err) => {
    log.push(`listen error ${err.code} ${err.syscall} ${err.port === port}`);
    client(port);
  });
  other.listen(port, '127.0.0.1');
});

function client(port) {
  const c = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true }, () => {
    c.end('question');
  });
  let got = '';
  c.on('data', (d) => { got += d; });
  c.on('end', () => log.push(`client end, got ${got}, readyState ${c.readyState}`));
  c.on('close', () => {
    log.push('client close');
    server.close(() => console.log(log.join('\n')));
  });
}
