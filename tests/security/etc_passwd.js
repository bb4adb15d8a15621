// attack: read the host's user list
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read=/etc
// allowed: read true
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  const s = fs.readFileSync('/etc/passwd', 'utf8');
  console.log(`read ${s.includes('root:')}`);
} catch (e) {
  console.log(e.code, e.permission);
}
