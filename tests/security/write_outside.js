// attack: create a file outside
// denied: ERR_ACCESS_DENIED FileSystemWrite
// grant: --allow-fs-write={outside}
// allowed: wrote
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  fs.writeFileSync(`${outside}/pwned.txt`, 'x');
  console.log('wrote');
} catch (e) {
  console.log(e.code, e.permission);
}
