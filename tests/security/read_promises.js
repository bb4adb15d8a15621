// attack: the promise API
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: read secret
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
fs.promises.readFile(`${outside}/secret.txt`, 'utf8').then((s) => console.log(`read ${s.trim()}`), (e) => console.log(e.code, e.permission));
