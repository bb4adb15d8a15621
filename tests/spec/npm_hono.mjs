// A Hono app served by @hono/node-server (tests/npm): JSON with a path parameter, a streamed
// body (hono/streaming over a web ReadableStream), a POST whose JSON body the app parses,
// middleware, notFound and onError, and the server closing.
import http from 'node:http';
import { Hono } from '../npm/node_modules/hono/dist/index.js';
import { stream } from '../npm/node_modules/hono/dist/helper/streaming/index.js';
import { serve } from '../npm/node_modules/@hono/node-server/dist/index.mjs';

const app = new Hono();
app.use('*', async (c, next) => {
  await next();
  c.header('x-powered', 'hono');
});
app.get('/hello/:name', (c) => c.json({ hello: c.req.param('name'), q: c.req.query('q'), ua: c.req.header('x-test') }));
app.get('/stream', (c) => {
  c.header('content-type', 'text/plain');
  return stream(c, async (s) => {
    for (const word of ['north\n', 'south\n', 'east\n', 'west\n']) await s.write(word);
  });
});
app.get('/web-stream', () => new Response(new ReadableStream({
  start(controller) {
    for (const part of ['a', 'b', 'c']) controller.enqueue(new TextEncoder().encode(part));
    controller.close();
  },
}), { headers: { 'content-type': 'text/plain' } }));
app.post('/echo', async (c) => c.json({ got: await c.req.json(), type: c.req.header('content-type') }, 201));
app.get('/boom', () => {
  throw new Error('boom');
});
app.onError((err, c) => c.json({ error: err.message }, 500));
app.notFound((c) => c.json({ missing: c.req.path }, 404));

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
        powered: res.headers['x-powered'],
        encoding: res.headers['transfer-encoding'],
        body: Buffer.concat(chunks).toString(),
      }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, async ({ port }) => {
  console.log(await request(port, 'GET', '/hello/moat?q=1'));
  console.log(await request(port, 'GET', '/stream'));
  console.log(await request(port, 'GET', '/web-stream'));
  console.log(await request(port, 'POST', '/echo', { name: 'moat', ok: true }));
  console.log(await request(port, 'GET', '/boom'));
  console.log(await request(port, 'GET', '/nowhere'));
  server.close(() => console.log('closed'));
});
