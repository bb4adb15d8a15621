// The undici package (tests/npm) calling a local HTTPS server whose certificate is signed by the
// test CA (fixtures/tls), given the CA through its Agent's connect options: request() GETs JSON,
// fetch() POSTs a JSON body, a streamed body is read; without the CA the server is refused.
import https from 'node:https';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const undici = require('../npm/node_modules/undici');
const F = (n) => fs.readFileSync(new URL(`fixtures/tls/${n}`, import.meta.url));
const ca = F('ca.pem');

const server = https.createServer({ key: F('server-key.pem'), cert: F('server.pem') }, async (req, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  if (req.url === '/stream') {
    res.setHeader('content-type', 'text/plain');
    for (const line of ['first\n', 'second\n', 'third\n']) res.write(line);
    res.end();
    return;
  }
  res.setHeader('content-type', 'application/json');
  res.statusCode = req.method === 'POST' ? 201 : 200;
  res.end(JSON.stringify({
    method: req.method,
    url: req.url,
    type: req.headers['content-type'] ?? null,
    got: body ? JSON.parse(body) : null,
  }));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `https://localhost:${server.address().port}`;
const payload = { name: 'moat', list: [1, 2] };

// undici
{
  const dispatcher = new undici.Agent({ connect: { ca } });
  const r = await undici.request(`${base}/json?who=undici`, { dispatcher });
  console.log('undici request', r.statusCode, r.headers['content-type'], await r.body.json());
  const f = await undici.fetch(`${base}/echo`, {
    dispatcher,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  console.log('undici fetch', f.status, f.headers.get('content-type'), await f.json());
  const s = await undici.request(`${base}/stream`, { dispatcher });
  let text = '';
  for await (const chunk of s.body) text += chunk;
  console.log('undici stream', s.statusCode, JSON.stringify(text));
  try {
    await undici.request(`${base}/json`, { dispatcher: new undici.Agent() });
  } catch (e) {
    console.log('undici untrusted', e.name, e.code, e.message);
  }
  await dispatcher.close();
}

server.close(() => console.log('closed'));
