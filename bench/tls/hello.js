'use strict';
// A hello-world HTTPS server on 127.0.0.1, a free port, with the test certificates; it prints
// the port and serves until killed.
const https = require('https');
const fs = require('fs');
const path = require('path');
const fixtures = path.join(__dirname, '..', '..', 'tests', 'spec', 'fixtures', 'tls');
const server = https.createServer({
  key: fs.readFileSync(path.join(fixtures, 'server-key.pem')),
  cert: fs.readFileSync(path.join(fixtures, 'server.pem')),
}, (req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  res.end('Hello, world!\n');
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
