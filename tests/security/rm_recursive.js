// attack: remove a whole tree outside
// denied: ERR_ACCESS_DENIED FileSystemWrite
// grant: --allow-fs-write={outside}
// allowed: removed
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  fs.rmSync(`${outside}/dir`, { recursive: true });
  console.log('removed');
} catch (e) {
  console.log(e.code, e.permission);
}
