'use strict';
// An HTTP server's connections: how the socket is read and written, its timeouts between and
// during requests, and the end of requests nobody listens to.
const http = require('http');
const net = require('net');

const log = [];
const server = http.createServer((req, res) => {
  const socket = req.socket;
  log.push(`${req.url}: data listeners ${socket.listenerCount('data')}, timeout ${socket.timeout}`);
  if (req.url === '/slow') {
    // Longer than the keep-alive timeout: the connection stays open for the answer.
    setTimeout(() => res.end('slow done'), 300);
    return;
  }
  if (req.url === '/big') {
    const body = 'x'.repeat(4 * 1024 * 1024);
    res.on('finish', () => log.push(`/big: finished, bytesWritten over 4 MiB ${socket.bytesWritten > 4 * 1024 * 1024}`));
    res.end(body);
    return;
  }
  if (req.url === '/listened') {
    req.on('end', () => log.push('/listened: end'));
    req.on('close', () => log.push('/listened: close'));
  }
  res.on('finish', () => {
    log.push(`${req.url}: finished, timeout ${socket.timeout}`);
    setImmediate(() => log.push(`${req.url}: ended ${req.readableEnded}, destroyed ${req.destroyed}, complete ${req.complete}`));
  });
  res.end(`hello ${req.url}`);
});
server.keepAliveTimeout = 200;
console.log('keepAliveTimeoutBuffer', server.keepAliveTimeoutBuffer);
for (const bad of [-1, 1.5, '1']) {
  try {
    http.createServer({ keepAliveTimeoutBuffer: bad });
  } catch (err) {
    console.log(err.code, err.message);
  }
}

function get(port, path) {
  return `GET ${path} HTTP/1.1\r\nHost: localhost:${port}\r\n\r\n`;
}

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const client = net.connect(port, '127.0.0.1');
  let got = '';
  const start = Date.now();
  client.on('data', (d) => { got += d.toString('latin1'); });
  client.on('end', () => {
    const idle = Date.now() - start;
    const bodies = got.split('\r\n\r\n').slice(1).map((b) => b.split('HTTP/1.1')[0]);
    for (const line of log) console.log(line);
    console.log('responses', (got.match(/HTTP\/1\.1 200 OK/g) || []).length);
    console.log('bodies', bodies.map((b) => (b.length > 100 ? `${b.length} bytes` : b)).join(' | '));
    // The keep-alive timeout (200 ms) plus its buffer (1 s) after the last answer.
    console.log('closed after the keep-alive timeout and its buffer', idle >= 1700);
    server.close();
  });
  // Two pipelined requests, then a slow one, then a big one; then the connection idles.
  client.write(get(port, '/one') + get(port, '/listened'));
  setTimeout(() => client.write(get(port, '/slow')), 100);
  setTimeout(() => client.write(get(port, '/big')), 600);
});
