// attack: read a file outside every grant by its absolute path
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: read secret
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  const s = fs.readFileSync(`${outside}/secret.txt`, 'utf8');
  console.log(`read ${s.trim()}`);
} catch (e) {
  console.log(e.code, e.permission);
}
