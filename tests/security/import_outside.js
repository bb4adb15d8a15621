// attack: import() an ES module outside the granted tree
// denied: ERR_ACCESS_DENIED FileSystemRead
// safe-denied: ERR_MODULE_NOT_FOUND undefined
// grant: --allow-fs-read={outside}
// allowed: loaded secret module
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
import(`file://${outside}/mod.mjs`).then((m) => console.log(`loaded ${m.default}`), (e) => console.log(e.code, e.permission));
