// attack: append to a file outside
// denied: ERR_ACCESS_DENIED FileSystemWrite
// grant: --allow-fs-write={outside}
// allowed: appended
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  fs.appendFileSync(`${outside}/secret.txt`, 'x');
  console.log('appended');
} catch (e) {
  console.log(e.code, e.permission);
}
