// attack: run a host program that writes outside
// denied: ERR_ACCESS_DENIED ChildProcess
// grant: --allow-child-process
// allowed: ran 0
const root = process.argv[2];
try {
  const r = require('child_process').spawnSync('touch', [`${root}/outside/pwned`]);
  console.log(`ran ${r.status}`);
} catch (e) {
  console.log(e.code, e.permission);
}
