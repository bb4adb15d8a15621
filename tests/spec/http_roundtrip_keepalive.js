'use strict';
// node:http server and client on 127.0.0.1: GET, POST with a chunked body and with a
// Content-Length, keep-alive reuse through the global agent, agent: false, HEAD, 404 with
// a JSON body, and the response's headers.
const http = require('http');

const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    if (req.url === '/missing') {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('X-Seen', [req.method, req.httpVersion]);
    res.end(JSON.stringify({
      method: req.method, url: req.url, body: body.length > 20 ? body.length : body,
      te: req.headers['transfer-encoding'] ?? null, length: req.headers['content-length'] ?? null,
      connection: req.headers.connection, complete: req.complete,
    }));
  });
});

function call(options, chunks) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.address().port, ...options }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { data += d; });
      res.on('end', () => resolve({
        status: res.statusCode, message: res.statusMessage, version: res.httpVersion,
        type: res.headers['content-type'], seen: res.headers['x-seen'], ka: res.headers['keep-alive'],
        length: res.headers['content-length'], data, reused: req.reusedSocket,
      }));
    });
    req.on('error', reject);
    for (const c of chunks ?? []) req.write(c);
    req.end();
  });
}

server.listen(0, '127.0.0.1', async () => {
  console.log(await call({ path: '/hello?x=1' }));
  console.log(await call({ method: 'POST', path: '/chunked' }, ['abc', 'def']));
  console.log(await call({ method: 'PUT', path: '/length', headers: { 'Content-Length': 5 } }, ['hello']));
  console.log(await call({ method: 'POST', path: '/big' }, ['x'.repeat(70000), 'y'.repeat(70000)]));
  console.log(await call({ path: '/missing' }));
  console.log(await call({ method: 'HEAD', path: '/head' }));
  console.log(await call({ path: '/fresh', agent: false }));
  http.globalAgent.destroy();
  server.close(() => console.log('closed'));
});
