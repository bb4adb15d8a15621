// attack: with a grant for one port of a host, connect to another port of it
// flags: --allow-net=127.0.0.1:1
// denied: ERR_ACCESS_DENIED NetworkAccess
// grant: --allow-net=127.0.0.1:{canary}
// allowed: connected
const net = require('net');
try {
  const s = net.connect(Number(process.argv[3]), '127.0.0.1', () => {
    console.log('connected');
    s.destroy();
  });
  s.on('error', (e) => console.log(e.code, e.permission));
} catch (e) {
  console.log(e.code, e.permission);
}
