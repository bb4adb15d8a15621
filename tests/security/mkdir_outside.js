// attack: make a directory outside
// denied: ERR_ACCESS_DENIED FileSystemWrite
// grant: --allow-fs-write={outside}
// allowed: made
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  fs.mkdirSync(`${outside}/made`);
  console.log('made');
} catch (e) {
  console.log(e.code, e.permission);
}
