// attack: probe for a file outside
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: exists true
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  const there = fs.existsSync(`${outside}/secret.txt`);
  console.log(`exists ${there}`);
} catch (e) {
  console.log(e.code, e.permission);
}
