// attack: open a TLS connection to a local server by its address
// denied: ERR_ACCESS_DENIED NetworkAccess
// grant: --allow-net=127.0.0.1:{canary}
// allowed: connect
// The canary accepts connections but never answers, so a TLS client that reached it sees the TCP
// connection and then waits for the server's hello.
const tls = require('tls');
try {
  const s = tls.connect({ port: Number(process.argv[3]), host: '127.0.0.1' });
  s.on('connect', () => {
    console.log('connect');
    s.destroy();
  });
  s.on('error', (e) => console.log(e.code, e.permission));
} catch (e) {
  console.log(e.code, e.permission);
}
