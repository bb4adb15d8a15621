// attack: resolve a path outside
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: resolved true
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  const p = fs.realpathSync(`${outside}/dir`);
  console.log(`resolved ${p === `${outside}/dir`}`);
} catch (e) {
  console.log(e.code, e.permission);
}
