// attack: with a grant for localhost only, listen on every interface
// flags: --allow-net=localhost
// denied: ERR_ACCESS_DENIED NetworkAccess
// grant: --allow-net
// allowed: listening
const net = require('net');
try {
  const server = net.createServer();
  server.on('error', (e) => console.log(e.code, e.permission));
  server.listen(0, () => {
    console.log('listening');
    server.close();
  });
} catch (e) {
  console.log(e.code, e.permission);
}
