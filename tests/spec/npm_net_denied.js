// What a user sees when npm networking packages meet moat's network grant. Children of this run
// get --permission with reads of ../npm and --allow-net=127.0.0.1 only (under --safe a moat child
// is confined to this run's grants, which are the same), and:
// - an Express app listening on 127.0.0.2 dies with the uncaught ERR_ACCESS_DENIED;
// - axios, node-fetch and fetch() requests to 127.0.0.2 fail with ERR_ACCESS_DENIED;
// - the positive control: an Express app on 127.0.0.1 answers axios.
// Node 24 has no network permission (it refuses --allow-net), so this expectation is moat's own.
'use strict';
const { execFile } = require('child_process');

const grants = ['--permission', '--allow-fs-read=../npm', '--allow-net=127.0.0.1'];

const listenDenied = `
const express = require('../npm/node_modules/express');
const app = express();
app.listen(0, '127.0.0.2', () => console.log('listening: not expected'));
`;

const clients = `
const express = require('../npm/node_modules/express');
const axios = require('../npm/node_modules/axios');
(async () => {
  try {
    await axios.get('http://127.0.0.2:8080/data');
  } catch (e) {
    console.log('axios:', e.name, e.code, e.permission, e.resource, e.message);
  }
  const { default: nodeFetch } = await import('../npm/node_modules/node-fetch/src/index.js');
  try {
    await nodeFetch('http://127.0.0.2:8080/data');
  } catch (e) {
    console.log('node-fetch:', e.name, e.code, e.message);
  }
  try {
    await fetch('http://127.0.0.2:8080/data');
  } catch (e) {
    console.log('fetch:', e.name, e.message, e.cause.code, e.cause.permission, e.cause.resource);
  }
  const app = express();
  app.get('/data', (req, res) => res.json({ ok: true }));
  const server = app.listen(0, '127.0.0.1', async () => {
    const res = await axios.get('http://127.0.0.1:' + server.address().port + '/data');
    console.log('allowed:', res.status, res.data);
    server.close();
  });
})();
`;

function run(name, code) {
  return new Promise((resolve) => {
    execFile(process.execPath, [...grants, '-e', code], (err, stdout, stderr) => {
      console.log(`--- ${name}: exit ${err ? err.code : 0}`);
      process.stdout.write(stdout);
      // The uncaught error's message and properties; its stack names lines of moat's own code.
      for (const line of stderr.split('\n')) {
        if (/^(\w*Error\b|  (code|permission|resource):)/.test(line)) console.log('stderr:', line);
      }
      resolve();
    });
  });
}

(async () => {
  await run('express listen denied', listenDenied);
  await run('clients', clients);
})();
