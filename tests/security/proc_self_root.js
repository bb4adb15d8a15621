// attack: reach the host's root through /proc/self/root
// denied: ERR_ACCESS_DENIED FileSystemRead
// modes: permission
// grant: --allow-fs-read=/proc,{outside}
// allowed: read secret
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  const s = fs.readFileSync(`/proc/self/root${outside}/secret.txt`, 'utf8');
  console.log(`read ${s.trim()}`);
} catch (e) {
  console.log(e.code, e.permission);
}
