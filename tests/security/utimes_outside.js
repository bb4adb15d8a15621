// attack: change a file's times outside
// denied: ERR_ACCESS_DENIED FileSystemWrite
// grant: --allow-fs-write={outside}
// allowed: touched
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  fs.utimesSync(`${outside}/secret.txt`, 1, 1);
  console.log('touched');
} catch (e) {
  console.log(e.code, e.permission);
}
