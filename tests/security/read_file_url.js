// attack: a file: URL instead of a path
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: read secret
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  const s = fs.readFileSync(new URL(`file://${outside}/secret.txt`), 'utf8');
  console.log(`read ${s.trim()}`);
} catch (e) {
  console.log(e.code, e.permission);
}
