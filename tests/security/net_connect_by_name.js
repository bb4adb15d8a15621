// attack: open a TCP connection to a local server by a host name
// denied: ERR_ACCESS_DENIED NetworkAccess
// grant: --allow-net=localhost
// allowed: connected
const net = require('net');
try {
  const s = net.connect({ port: Number(process.argv[3]), host: 'localhost', family: 4 }, () => {
    console.log('connected');
    s.destroy();
  });
  s.on('error', (e) => console.log(e.code, e.permission));
} catch (e) {
  console.log(e.code, e.permission);
}
