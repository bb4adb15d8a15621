const cp = require('child_process');
const path = require('path');
const f = path.join(__dirname, 'fixtures', 'print_argv.js');
const r = cp.spawnSync(process.execPath, ['--', f, '--not-a-flag', '-e'], { encoding: 'utf8' });
console.log(r.status, r.stdout.trim());
