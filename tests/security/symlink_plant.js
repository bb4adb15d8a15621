// attack: plant a symbolic link to outside in a writable directory, then read through it
// denied: ERR_ACCESS_DENIED FileSystemRead
// flags: --allow-fs-write={writable}
// grant: --allow-fs-read={outside}
// allowed: read secret
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  fs.symlinkSync(`${outside}/secret.txt`, `${root}/writable/planted`); const s = fs.readFileSync(`${root}/writable/planted`, 'utf8');
  console.log(`read ${s.trim()}`);
} catch (e) {
  console.log(e.code, e.permission);
}
