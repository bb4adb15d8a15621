// An Express app (tests/npm): JSON from a route with a parameter, a streamed body, a POST whose
// JSON body express.json() parses, an error handler's status, and the server closing.
'use strict';
const http = require('http');
const { Readable } = require('stream');
const express = require('../npm/node_modules/express');

const app = express();
app.use(express.json());
app.get('/users/:id', (req, res) => {
  res.json({ id: req.params.id, q: req.query.q, ua: req.get('x-test') });
});
app.get('/stream', (req, res) => {
  res.type('text/plain');
  Readable.from(['one\n', 'two\n', 'three\n']).pipe(res);
});
app.post('/echo', (req, res) => {
  res.status(201).json({ got: req.body, type: req.get('content-type') });
});
app.get('/boom', () => {
  throw new Error('boom');
});
app.use((err, req, res, next) => {
  res.status(500).json({ error: err.message });
});

function request(port, method, path, body) {
  return new Promise((resolve, reject) => {
    const headers = { 'x-test': 'moat' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const req = http.request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode,
        type: res.headers['content-type'],
        encoding: res.headers['transfer-encoding'],
        body: Buffer.concat(chunks).toString(),
      }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const server = app.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  console.log(await request(port, 'GET', '/users/42?q=search'));
  console.log(await request(port, 'GET', '/stream'));
  console.log(await request(port, 'POST', '/echo', { name: 'moat', list: [1, 2, 3] }));
  console.log(await request(port, 'GET', '/boom'));
  console.log(await request(port, 'GET', '/missing').then((r) => [r.status, r.type]));
  server.close(() => console.log('closed'));
});
