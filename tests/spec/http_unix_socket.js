'use strict';
// An HTTP server listening on a Unix-domain socket, and requests through it with socketPath:
// with the default agent (a keep-alive one) and with none.
const http = require('http');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'http-unix-'));
const sockPath = path.join(dir, 'http.sock');

const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    console.log('server:', req.method, req.url, req.headers.host, JSON.stringify(body),
      req.socket.remoteAddress);
    res.setHeader('content-type', 'text/plain');
    res.end(`${req.method} ${req.url} via a socket file: ${body}`);
  });
});

function request(options, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: sockPath, ...options }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { data += d; });
      res.on('end', () => {
        console.log('client:', res.statusCode, res.headers['content-type'], JSON.stringify(data));
        resolve();
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

server.listen(sockPath, async () => {
  console.log('address is the path:', server.address() === sockPath);
  await request({ path: '/first' });
  await request({ method: 'POST', path: '/second?q=1' }, 'a body');
  await request({ path: '/no-agent', agent: false });
  server.close(() => {
    console.log('closed; file left:', fs.existsSync(sockPath));
    fs.rmSync(dir, { recursive: true });
  });
});
