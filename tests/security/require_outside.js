// attack: require a module outside the granted tree
// denied: ERR_ACCESS_DENIED FileSystemRead
// safe-denied: MODULE_NOT_FOUND undefined
// grant: --allow-fs-read={outside}
// allowed: loaded secret module
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
try {
  const m = require(`${outside}/mod.js`);
  console.log(`loaded ${m}`);
} catch (e) {
  console.log(e.code, e.permission);
}
