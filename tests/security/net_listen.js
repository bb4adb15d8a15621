// attack: listen for connections on a local port
// denied: ERR_ACCESS_DENIED NetworkAccess
// grant: --allow-net=localhost
// allowed: listening
const net = require('net');
try {
  const server = net.createServer();
  server.on('error', (e) => console.log(e.code, e.permission));
  server.listen(0, '127.0.0.1', () => {
    console.log('listening');
    server.close();
  });
} catch (e) {
  console.log(e.code, e.permission);
}
