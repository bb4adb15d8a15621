// attack: climb out of a writable directory with ..
// denied: ERR_ACCESS_DENIED FileSystemWrite
// flags: --allow-fs-write={writable}
// grant: --allow-fs-write={outside}
// allowed: wrote
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  fs.writeFileSync(`${root}/writable/../outside/pwned.txt`, 'x');
  console.log('wrote');
} catch (e) {
  console.log(e.code, e.permission);
}
