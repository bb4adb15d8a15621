// fetch over HTTP/1.1 to a server on loopback (node:net speaking HTTP by hand): status and
// headers, content-length, chunked and read-to-close bodies, text/json/arrayBuffer, POST bodies,
// redirects (followed, manual, error, 303 turning POST into GET), HEAD and 204, a connection
// refused, an abort, and Headers/Request/Response on their own.
const net = require('net');

const seen = [];
const server = net.createServer((sock) => {
  let data = '';
  sock.on('data', (d) => {
    data += d.toString('latin1');
    const end = data.indexOf('\r\n\r\n');
    if (end === -1) return;
    const head = data.slice(0, end).split('\r\n');
    const length = Number((head.find((l) => /^content-length:/i.test(l)) || 'x: 0').split(':')[1]);
    if (data.length < end + 4 + length) return;
    const body = data.slice(end + 4, end + 4 + length);
    const [method, path] = head[0].split(' ');
    seen.push(`${method} ${path}${body ? ` body=${body}` : ''} ${head.filter((l) => /^content-type:/i.test(l)).join('')}`);
    const reply = (s) => { sock.end(s); };
    switch (path) {
      case '/plain': return reply('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Multi: a\r\nX-Multi: b\r\nContent-Length: 5\r\n\r\nhello');
      case '/json': return reply('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 13\r\n\r\n{"a":[1,2,3]}');
      case '/chunked': return reply('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n6\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\n\r\n');
      case '/close': return reply('HTTP/1.1 200 OK\r\n\r\nuntil the end');
      case '/missing': return reply('HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\nnope');
      case '/echo': return reply(`HTTP/1.1 201 Created\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      case '/redirect': return reply('HTTP/1.1 302 Found\r\nLocation: /plain\r\nContent-Length: 0\r\n\r\n');
      case '/see-other': return reply('HTTP/1.1 303 See Other\r\nLocation: /echo\r\nContent-Length: 0\r\n\r\n');
      case '/loop': return reply('HTTP/1.1 301 Moved\r\nLocation: /loop\r\nContent-Length: 0\r\n\r\n');
      case '/empty': return reply('HTTP/1.1 204 No Content\r\n\r\n');
      case '/cut': return reply('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort');
      case '/slow': return; // never answers
      default: return reply('HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n');
    }
  });
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const show = (label, v) => console.log(label, JSON.stringify(v));

  let r = await fetch(`${base}/plain`);
  show('plain', [r.status, r.statusText, r.ok, r.type, r.url === `${base}/plain`, r.redirected]);
  show('headers', [r.headers.get('content-type'), r.headers.get('x-multi'), r.headers.get('Content-Length'), [...r.headers.keys()]]);
  show('text', [r.bodyUsed, await r.text(), r.bodyUsed]);
  await r.text().catch((e) => show('again', [e.name, e.message]));
  try { r.headers.set('x', '1'); } catch (e) { show('immutable', [e.name, e.message]); }

  r = await fetch(new URL('/json', base));
  show('json', await r.json());
  r = await fetch(`${base}/chunked`);
  show('chunked', await r.text());
  r = await fetch(`${base}/close`);
  show('close', new Uint8Array(await r.arrayBuffer()).length);
  r = await fetch(`${base}/missing`);
  show('missing', [r.status, r.statusText, r.ok, await r.text()]);

  r = await fetch(`${base}/echo`, { method: 'post', body: 'a=1&b=2' });
  show('post', [r.status, await r.text()]);
  r = await fetch(`${base}/echo`, { method: 'PUT', body: new URLSearchParams({ q: 'x y' }) });
  show('put', await r.text());
  r = await fetch(`${base}/echo`, { method: 'POST', body: JSON.stringify({ k: 1 }), headers: { 'content-type': 'application/json' } });
  show('post json', await r.json());
  r = await fetch(new Request(`${base}/echo`, { method: 'POST', body: new Uint8Array([104, 105]) }));
  show('request', await r.text());

  r = await fetch(`${base}/redirect`);
  show('followed', [r.status, r.redirected, r.url === `${base}/plain`, await r.text()]);
  r = await fetch(`${base}/redirect`, { redirect: 'manual' });
  show('manual', [r.status, r.headers.get('location'), r.redirected]);
  await fetch(`${base}/redirect`, { redirect: 'error' }).catch((e) => show('redirect error', [e.name, e.message, e.cause.message]));
  r = await fetch(`${base}/see-other`, { method: 'POST', body: 'dropped' });
  show('303', [r.status, r.url === `${base}/echo`, await r.text()]);
  await fetch(`${base}/loop`).catch((e) => show('loop', [e.name, e.message, e.cause.message]));

  r = await fetch(`${base}/plain`, { method: 'HEAD' });
  show('head', [r.status, r.headers.get('content-length'), await r.text()]);
  r = await fetch(`${base}/empty`);
  show('204', [r.status, r.body, await r.text()]);
  r = await fetch(`${base}/cut`);
  await r.text().catch((e) => show('cut', [e.name, e.message]));

  const ac = new AbortController();
  const pending = fetch(`${base}/slow`, { signal: ac.signal });
  setTimeout(() => ac.abort(), 20);
  await pending.catch((e) => show('abort', [e.name, e.message]));
  await fetch(`${base}/plain`, { signal: AbortSignal.abort() }).catch((e) => show('pre-aborted', [e.name]));

  const closed = net.createServer();
  closed.listen(0, '127.0.0.1', () => {
    const port = closed.address().port;
    closed.close(async () => {
      await fetch(`http://127.0.0.1:${port}/`).catch((e) => show('refused', [e.name, e.message, e.cause.code]));
      await fetch('https://127.0.0.1:1/').catch((e) => show('bad port', [e.name, e.message, e.cause.message]));
      await fetch('gopher://x/').catch((e) => show('scheme', [e.name, e.message, e.cause.message]));
      await fetch('not a url').catch((e) => show('url', [e.name, e.message]));
      show('server saw', seen);
      server.close();
    });
  });
});
