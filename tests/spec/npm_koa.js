// A Koa app (tests/npm): middleware order, JSON from ctx.body, a stream as the body, a POST whose
// JSON body the app reads from the request stream, ctx.throw's status, and the server closing.
'use strict';
const http = require('http');
const { Readable } = require('stream');
const Koa = require('../npm/node_modules/koa');

const app = new Koa();
app.use(async (ctx, next) => {
  await next();
  ctx.set('x-route', ctx.path);
});
app.use(async (ctx) => {
  if (ctx.method === 'GET' && ctx.path === '/json') {
    ctx.body = { hello: 'koa', q: ctx.query.q, header: ctx.get('x-test') };
  } else if (ctx.path === '/stream') {
    ctx.type = 'text/plain';
    ctx.body = Readable.from(['alpha\n', 'beta\n', 'gamma\n']);
  } else if (ctx.method === 'POST' && ctx.path === '/echo') {
    let raw = '';
    for await (const chunk of ctx.req) raw += chunk;
    ctx.status = 201;
    ctx.body = { got: JSON.parse(raw), type: ctx.request.type, length: ctx.request.length };
  } else if (ctx.path === '/teapot') {
    ctx.throw(418, 'short and stout');
  }
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
        route: res.headers['x-route'],
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
  console.log(await request(port, 'GET', '/json?q=1'));
  console.log(await request(port, 'GET', '/stream'));
  console.log(await request(port, 'POST', '/echo', { name: 'moat', nested: { ok: true } }));
  console.log(await request(port, 'GET', '/teapot'));
  console.log(await request(port, 'GET', '/missing'));
  server.close(() => console.log('closed'));
});
