// An https server answering https.request (a JSON POST, with a CA given), https.get on a pooled
// keep-alive agent, and fetch() after tls.setDefaultCACertificates; an untrusted server is refused.
const https = require('https');
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const F = (n) => fs.readFileSync(path.join(__dirname, 'fixtures/tls', n));

const server = https.createServer({ key: F('server-key.pem'), cert: F('server.pem') }, (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    console.log('server:', req.method, req.url, 'encrypted', req.socket.encrypted, 'body', JSON.stringify(body));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ path: req.url, got: body ? JSON.parse(body) : null }));
  });
});

function collect(res) {
  return new Promise((resolve) => {
    let d = '';
    res.setEncoding('utf8');
    res.on('data', (c) => { d += c; });
    res.on('end', () => resolve(d));
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const base = { host: '127.0.0.1', port, servername: 'localhost', ca: F('ca.pem') };

  const res = await new Promise((resolve, reject) => {
    const req = https.request({ ...base, method: 'POST', path: '/items?x=1',
      headers: { 'content-type': 'application/json' } }, resolve);
    req.on('error', reject);
    req.end(JSON.stringify({ name: 'moat' }));
  });
  console.log('request:', res.statusCode, res.headers['content-type'], res.socket.getProtocol(),
    res.socket.authorized, await collect(res));

  const agent = new https.Agent({ keepAlive: true, ca: F('ca.pem'), servername: 'localhost' });
  for (const p of ['/one', '/two']) {
    const r = await new Promise((resolve) => https.get({ host: '127.0.0.1', port, path: p, agent }, resolve));
    console.log('get:', r.statusCode, r.socket.authorized, await collect(r));
  }
  agent.destroy();

  await new Promise((resolve) => {
    https.get({ host: '127.0.0.1', port, servername: 'localhost' }, () => console.log('unexpected'))
      .on('error', (e) => { console.log('untrusted:', e.code); resolve(); });
  });

  try {
    await fetch(`https://localhost:${port}/f`);
  } catch (e) {
    console.log('fetch untrusted:', e.message, e.cause.code);
  }
  tls.setDefaultCACertificates([F('ca.pem').toString()]);
  const f = await fetch(`https://localhost:${port}/f?y=2`, { method: 'POST', body: '[1,2]' });
  console.log('fetch:', f.status, f.headers.get('content-type'), await f.json());
  server.close(() => console.log('closed'));
});
