const cp = require('child_process');
const path = require('path');
const r = cp.spawnSync(process.execPath, ['--env-file=' + path.join(__dirname, 'fixtures', 'app.env'), '-p', '[process.env.GREETING, process.env.QUOTED, process.env.PATH !== undefined]'], { encoding: 'utf8' });
console.log(r.status, r.stdout.trim());
const missing = cp.spawnSync(process.execPath, ['--env-file=/nope.env', '-e', '1'], { encoding: 'utf8' });
console.log(missing.status !== 0);
