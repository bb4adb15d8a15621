// attack: read the host process's environment through /proc
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read=/proc
// allowed: read true
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  const s = fs.readFileSync('/proc/self/environ', 'latin1');
  console.log(`read ${s.length > 0}`);
} catch (e) {
  console.log(e.code, e.permission);
}
