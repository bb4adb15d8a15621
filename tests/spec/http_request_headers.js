'use strict';
// What a server sees of a raw request's head (Node's rules for repeated fields, rawHeaders,
// headersDistinct, trailers of a chunked body, HTTP/1.0) and the exact bytes of its answers:
// Content-Length or chunked framing, Connection and Keep-Alive, pipelined requests answered
// in order.
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  console.log(req.method, req.url, req.httpVersion, req.headers, req.rawHeaders, req.headersDistinct);
  if (req.url === '/a') {
    res.setHeader('X-Foo', '1');
    res.end('hello');
  } else if (req.url === '/b') {
    res.writeHead(201, { 'content-type': 'text/plain' });
    res.write('x');
    res.end('y');
  } else {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      console.log('body', body, 'trailers', req.trailers, req.rawTrailers);
      res.end();
    });
  }
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.write('GET /a HTTP/1.1\r\nHost: x\r\nCookie: a\r\nCookie: b\r\nX-A: 1\r\nx-a: 2\r\nContent-Type: t1\r\n' +
    'content-type: t2\r\nSet-Cookie: s1\r\nSet-Cookie: s2\r\n\r\n');
  let step = 0;
  let got = '';
  c.on('data', (d) => {
    got += d;
    if (step === 0 && got.endsWith('hello')) {
      step = 1;
      c.write('GET /b HTTP/1.1\r\nHost: x\r\n\r\nPOST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n' +
        '3\r\nabc\r\n0\r\nX-T: 9\r\n\r\n');
    } else if (step === 1 && got.endsWith('Content-Length: 0\r\n\r\n')) {
      step = 2;
      c.write('GET /a HTTP/1.0\r\n\r\n');
    }
  });
  c.on('end', () => {
    console.log(got.replace(/Date: [^\r]*\r\n/g, 'Date: (now)\r\n'));
    server.close(() => console.log('closed'));
  });
});
