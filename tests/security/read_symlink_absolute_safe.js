// attack: a symbolic link with an absolute target outside the granted tree, in the sandbox,
// whose host reads no absolute link target (cap-std): it stays closed even with the grant
// denied: EPERM undefined
// grant: --allow-fs-read={outside}
// allowed: EPERM undefined
// modes: safe
const fs = require('fs');
try {
  const s = fs.readFileSync(`${__dirname}/abslink`, 'utf8');
  console.log(`read ${s.trim()}`);
} catch (e) {
  console.log(e.code, e.permission);
}
