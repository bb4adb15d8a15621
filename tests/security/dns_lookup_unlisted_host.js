// attack: resolve a host the --allow-net list does not name
// flags: --allow-net=example.com:443
// denied: ERR_ACCESS_DENIED NetworkAccess
// grant: --allow-net=localhost
// allowed: resolved 127.0.0.1
require('dns').promises.lookup('localhost', { family: 4 }).then(
  (r) => console.log(`resolved ${r.address}`),
  (e) => console.log(e.code, e.permission),
);
