// attack: copy a file from outside into a writable directory
// denied: ERR_ACCESS_DENIED FileSystemRead
// flags: --allow-fs-write={writable}
// grant: --allow-fs-read={outside},{writable}
// allowed: copied secret
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  fs.copyFileSync(`${outside}/secret.txt`, `${root}/writable/stolen.txt`); const s = fs.readFileSync(`${root}/writable/stolen.txt`, 'utf8');
  console.log(`copied ${s.trim()}`);
} catch (e) {
  console.log(e.code, e.permission);
}
