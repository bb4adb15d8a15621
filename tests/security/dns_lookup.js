// attack: resolve a host name (learning about the network, or leaking data through DNS queries)
// denied: ERR_ACCESS_DENIED NetworkAccess
// grant: --allow-net=localhost
// allowed: resolved 127.0.0.1
try {
  require('dns').lookup('localhost', { family: 4 }, (e, address) => console.log(e ? e.code : `resolved ${address}`));
} catch (e) {
  console.log(e.code, e.permission);
}
