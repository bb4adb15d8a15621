// attack: move a file from outside into a writable directory
// denied: ERR_ACCESS_DENIED FileSystemWrite
// flags: --allow-fs-write={writable}
// grant: --allow-fs-write={outside}
// allowed: moved
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  fs.renameSync(`${outside}/secret.txt`, `${root}/writable/moved.txt`);
  console.log('moved');
} catch (e) {
  console.log(e.code, e.permission);
}
