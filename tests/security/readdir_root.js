// attack: list the root directory
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read=/
// allowed: listed true
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  const names = fs.readdirSync('/');
  console.log(`listed ${names.length > 0}`);
} catch (e) {
  console.log(e.code, e.permission);
}
