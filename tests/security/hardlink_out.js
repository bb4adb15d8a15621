// attack: hard-link a file from outside into a writable directory (a second name through which
// it could be written: linking needs the write grant on the file itself too)
// denied: ERR_ACCESS_DENIED FileSystemRead
// flags: --allow-fs-write={writable}
// grant: --allow-fs-read={outside},{writable} --allow-fs-write={outside},{writable}
// allowed: linked secret
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  fs.linkSync(`${outside}/secret.txt`, `${root}/writable/h.txt`); const s = fs.readFileSync(`${root}/writable/h.txt`, 'utf8');
  console.log(`linked ${s.trim()}`);
} catch (e) {
  console.log(e.code, e.permission);
}
