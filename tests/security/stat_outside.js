// attack: learn a file's size outside
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: size 7
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  const st = fs.statSync(`${outside}/secret.txt`);
  console.log(`size ${st.size}`);
} catch (e) {
  console.log(e.code, e.permission);
}
