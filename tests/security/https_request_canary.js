// attack: send an HTTPS request to a local server
// denied: ERR_ACCESS_DENIED NetworkAccess
// grant: --allow-net=127.0.0.1:{canary}
// allowed: socket connected
// The canary never answers: a request that reached it has its TCP connection and no response.
const https = require('https');
try {
  const req = https.request({ port: Number(process.argv[3]), host: '127.0.0.1', method: 'POST' });
  req.on('socket', (s) => s.on('connect', () => {
    console.log('socket connected');
    req.destroy();
  }));
  req.on('error', (e) => { if (e.code !== 'ECONNRESET') console.log(e.code, e.permission); });
  req.end('exfiltrated');
} catch (e) {
  console.log(e.code, e.permission);
}
