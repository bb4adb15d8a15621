// attack: open a descriptor outside and read through it
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: read secret
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  const fd = fs.openSync(`${outside}/secret.txt`, 'r'); const b = Buffer.alloc(6); fs.readSync(fd, b); fs.closeSync(fd);
  console.log(`read ${b.toString()}`);
} catch (e) {
  console.log(e.code, e.permission);
}
