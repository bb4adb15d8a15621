// attack: change directory up out of the granted one, then read outside it by a relative path
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: read secret true
const fs = require('fs');
const root = process.argv[2];
try {
  process.chdir('..');
  const there = process.cwd() === root;
  const s = fs.readFileSync('outside/secret.txt', 'utf8');
  console.log(`read ${s.trim()} ${there}`);
} catch (e) {
  console.log(e.code, e.permission);
}
