// attack: climb out of the script's directory with ..
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: read secret
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  const s = fs.readFileSync(`${__dirname}/../outside/secret.txt`, 'utf8');
  console.log(`read ${s.trim()}`);
} catch (e) {
  console.log(e.code, e.permission);
}
