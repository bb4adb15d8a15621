'use strict';
// What a server sends and refuses on the wire: removed Connection field, a chunked 204,
// strictContentLength, a head with a bare LF, and a client's setDefaultHeaders: false.
const http = require('http');
const net = require('net');

function raw(port, text) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.end(text));
    let got = '';
    c.setEncoding('latin1');
    c.on('data', (d) => { got += d; });
    c.on('close', () => resolve(got.replace(/^Date: .*\r\n/m, 'Date: -\r\n')));
  });
}

const server = http.createServer((req, res) => {
  if (req.url === '/no-connection') {
    res.removeHeader('connection');
    res.end('x');
  } else if (req.url === '/chunked-204') {
    res.writeHead(204, { 'Transfer-Encoding': 'chunked' });
    res.end();
  } else if (req.url === '/strict') {
    res.strictContentLength = true;
    res.setHeader('Content-Length', 5);
    res.write('ab');
    try {
      res.end('abcd');
    } catch (e) {
      console.log('strict:', e.code);
    }
    res.end('abc');
  } else {
    console.log('raw headers:', JSON.stringify(req.rawHeaders));
    res.end();
  }
});
server.on('clientError', (err, socket) => {
  console.log('clientError:', err.code, err.reason);
  socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
});

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  for (const path of ['/no-connection', '/chunked-204', '/strict']) {
    console.log(JSON.stringify(await raw(port, `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`)));
  }
  console.log(JSON.stringify(await raw(port, 'GET / HTTP/1.1\r\nHost: x\nX: y\r\n\r\n')));
  await new Promise((resolve) => {
    http.request({ host: '127.0.0.1', port, method: 'POST', setDefaultHeaders: false, headers: ['host', 'h', 'a', '1', 'b', '2'] },
      (res) => res.resume().on('end', resolve)).end();
  });
  server.close();
});
