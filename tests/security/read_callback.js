// attack: the callback API
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: read secret
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
fs.readFile(`${outside}/secret.txt`, 'utf8', (e, s) => console.log(e ? `${e.code} ${e.permission}` : `read ${s.trim()}`));
