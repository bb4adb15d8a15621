// attack: delete a file outside
// denied: ERR_ACCESS_DENIED FileSystemWrite
// grant: --allow-fs-write={outside}
// allowed: deleted
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  fs.unlinkSync(`${outside}/secret.txt`);
  console.log('deleted');
} catch (e) {
  console.log(e.code, e.permission);
}
