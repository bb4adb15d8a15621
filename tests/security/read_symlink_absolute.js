// attack: a symbolic link with an absolute target outside the granted tree
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: read secret
const fs = require('fs');
try {
  const s = fs.readFileSync(`${__dirname}/abslink`, 'utf8');
  console.log(`read ${s.trim()}`);
} catch (e) {
  console.log(e.code, e.permission);
}
