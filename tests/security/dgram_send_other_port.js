// attack: with a grant for one port of a host, send a datagram to another port of it
// flags: --allow-net=127.0.0.1:0,127.0.0.1:1
// denied: ERR_ACCESS_DENIED NetworkAccess
// grant: --allow-net=127.0.0.1
// allowed: sent 4
const dgram = require('dgram');
try {
  const s = dgram.createSocket('udp4');
  s.on('error', (e) => console.log(e.code, e.permission));
  s.bind(0, '127.0.0.1', () => {
    s.send('ping', Number(process.argv[4]), '127.0.0.1', (err, n) => {
      console.log(err ? `${err.code} ${err.permission}` : `sent ${n}`);
      s.close();
    });
  });
} catch (e) {
  console.log(e.code, e.permission);
}
