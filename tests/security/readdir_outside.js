// attack: list a directory outside
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: listed dir,mod.js,mod.mjs,secret.txt
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  const names = fs.readdirSync(outside);
  console.log(`listed ${names.sort().join(',')}`);
} catch (e) {
  console.log(e.code, e.permission);
}
