// attack: open a file outside for writing
// denied: ERR_ACCESS_DENIED FileSystemWrite
// grant: --allow-fs-write={outside}
// allowed: opened
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  const fd = fs.openSync(`${outside}/secret.txt`, 'w'); fs.closeSync(fd);
  console.log('opened');
} catch (e) {
  console.log(e.code, e.permission);
}
