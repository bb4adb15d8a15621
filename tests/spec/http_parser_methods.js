'use strict';
// A request whose method is none of http.METHODS gets 400 and the connection closes, at once
// when what has come cannot begin a method; the beginning of a known one waits for the rest.
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  res.end(`served ${req.method}\n`);
});
server.on('clientError', (err, socket) => {
  console.log('clientError', err.code, err.message);
  socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
});

function send(label, text, waitMs) {
  return new Promise((resolve) => {
    const c = net.createConnection(server.address().port, '127.0.0.1');
    let got = '';
    let timer;
    c.on('connect', () => {
      c.write(text);
      if (waitMs) timer = setTimeout(() => { console.log(label, 'still waiting'); c.end(); }, waitMs);
    });
    c.on('data', (d) => { got += d; });
    c.on('close', () => {
      clearTimeout(timer);
      console.log(label, JSON.stringify(got.split('\r\n')[0]), JSON.stringify(got.split('\r\n\r\n')[1] ?? ''));
      resolve();
    });
    c.on('end', () => c.end());
  });
}

server.listen(0, '127.0.0.1', async () => {
  await send('unknown', 'HELLO / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  await send('lowercase', 'get / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  await send('garbage', 'hello wor');
  await send('after a request', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n\r\nhello world');
  await send('prefix', 'GE', 300);
  await send('extension', 'M-SEARCH * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  await send('query', 'QUERY / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  server.close();
});
