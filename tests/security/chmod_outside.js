// attack: change a file's mode outside
// denied: ERR_ACCESS_DENIED FileSystemWrite
// grant: --allow-fs-write={outside}
// allowed: changed
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  fs.chmodSync(`${outside}/secret.txt`, 0o777);
  console.log('changed');
} catch (e) {
  console.log(e.code, e.permission);
}
