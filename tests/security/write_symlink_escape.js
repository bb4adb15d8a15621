// attack: write through a symbolic link in a writable directory that leads outside
// denied: ERR_ACCESS_DENIED FileSystemWrite
// flags: --allow-fs-write={writable}
// grant: --allow-fs-write={outside}
// allowed: wrote
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  fs.writeFileSync(`${root}/writable/escape/pwned.txt`, 'x');
  console.log('wrote');
} catch (e) {
  console.log(e.code, e.permission);
}
