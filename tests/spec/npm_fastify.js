// A Fastify app (tests/npm): a route with a schema-validated parameter, a stream reply, a POST
// whose JSON body Fastify parses and validates (and a body the schema refuses), an onRequest hook,
// app.inject, and app.close.
'use strict';
const http = require('http');
const { Readable } = require('stream');
const fastify = require('../npm/node_modules/fastify');

const app = fastify({ logger: false });
app.addHook('onRequest', async (req, reply) => {
  reply.header('x-hooked', req.method);
});
app.get('/items/:id', {
  schema: { params: { type: 'object', properties: { id: { type: 'integer' } } } },
}, async (req) => ({ id: req.params.id, idType: typeof req.params.id, q: req.query.q }));
app.get('/stream', (req, reply) => {
  reply.type('text/plain').send(Readable.from(['red\n', 'green\n', 'blue\n']));
});
app.post('/echo', {
  schema: {
    body: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, count: { type: 'integer' } },
    },
  },
}, async (req, reply) => {
  reply.code(201);
  return { got: req.body, type: req.headers['content-type'] };
});

function request(port, method, path, body) {
  return new Promise((resolve, reject) => {
    const headers = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const req = http.request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode,
        type: res.headers['content-type'],
        hooked: res.headers['x-hooked'],
        encoding: res.headers['transfer-encoding'],
        body: Buffer.concat(chunks).toString(),
      }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

app.listen({ port: 0, host: '127.0.0.1' }).then(async () => {
  const { port } = app.server.address();
  console.log(await request(port, 'GET', '/items/7?q=x'));
  console.log(await request(port, 'GET', '/stream'));
  console.log(await request(port, 'POST', '/echo', { name: 'moat', count: 3 }));
  console.log(await request(port, 'POST', '/echo', { count: 'many' }));
  console.log(await request(port, 'GET', '/missing'));
  const injected = await app.inject({ method: 'GET', url: '/items/9' });
  console.log('inject', injected.statusCode, injected.body);
  await app.close();
  console.log('closed', app.server.listening);
});
