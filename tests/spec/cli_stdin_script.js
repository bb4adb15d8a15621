const cp = require('child_process');
const r = cp.spawnSync(process.execPath, [], { input: 'console.log("from stdin", typeof require)', encoding: 'utf8' });
console.log(r.status, r.stdout.trim());
const d = cp.spawnSync(process.execPath, ['-', 'arg1'], { input: 'console.log(process.argv.slice(2))', encoding: 'utf8' });
console.log(d.stdout.trim());
