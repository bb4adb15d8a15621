// axios and node-fetch (tests/npm) calling a local HTTPS server whose certificate is signed by the
// test CA (fixtures/tls), given the CA through an https.Agent. Each GETs JSON, POSTs a JSON body
// and reads a streamed body; without the CA each refuses the server. After
// tls.setDefaultCACertificates([ca]) both trust the server with no CA option of their own.
// (undici: npm_undici.mjs.)
import https from 'node:https';
import fs from 'node:fs';
import tls from 'node:tls';
import axios from '../npm/node_modules/axios/index.js';
import fetch from '../npm/node_modules/node-fetch/src/index.js';

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

// axios
{
  const httpsAgent = new https.Agent({ ca });
  const client = axios.create({ baseURL: base, httpsAgent });
  const get = await client.get('/json?who=axios');
  console.log('axios get', get.status, get.headers['content-type'], get.data);
  const post = await client.post('/echo', payload);
  console.log('axios post', post.status, post.data);
  const stream = await client.get('/stream', { responseType: 'stream' });
  let text = '';
  for await (const chunk of stream.data) text += chunk;
  console.log('axios stream', stream.status, JSON.stringify(text));
  try {
    await axios.get(`${base}/json`);
  } catch (e) {
    console.log('axios untrusted', e.name, e.code, e.message);
  }
  httpsAgent.destroy();
}

// node-fetch
{
  const agent = new https.Agent({ ca });
  const get = await fetch(`${base}/json?who=node-fetch`, { agent });
  console.log('node-fetch get', get.status, get.headers.get('content-type'), await get.json());
  const post = await fetch(`${base}/echo`, {
    agent,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  console.log('node-fetch post', post.status, await post.json());
  const stream = await fetch(`${base}/stream`, { agent });
  let text = '';
  for await (const chunk of stream.body) text += chunk;
  console.log('node-fetch stream', stream.status, JSON.stringify(text));
  try {
    await fetch(`${base}/json`);
  } catch (e) {
    console.log('node-fetch untrusted', e.name, e.code, e.message.replace(base, 'https://localhost:PORT'));
  }
  agent.destroy();
}

// The process-wide default CA list, used by https.globalAgent's connections.
{
  tls.setDefaultCACertificates([ca.toString()]);
  const viaAxios = await axios.get(`${base}/json?who=default-ca`);
  console.log('axios default CA', viaAxios.status, viaAxios.data.url);
  const viaNodeFetch = await fetch(`${base}/echo`, { method: 'POST', body: JSON.stringify(payload) });
  console.log('node-fetch default CA', viaNodeFetch.status, (await viaNodeFetch.json()).got);
  https.globalAgent.destroy();
}

server.close(() => console.log('closed'));
