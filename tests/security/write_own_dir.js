// attack: write into the script's own (read-only) directory
// denied: ERR_ACCESS_DENIED FileSystemWrite
// grant: --allow-fs-write={app}
// allowed: wrote
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  fs.writeFileSync(`${__dirname}/pwned.txt`, 'x');
  console.log('wrote');
} catch (e) {
  console.log(e.code, e.permission);
}
