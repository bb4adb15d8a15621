const cp = require('child_process');
const r = cp.spawnSync(process.execPath, ['-p', '2 + 3'], { encoding: 'utf8' });
console.log(r.status, r.stdout.trim(), r.stderr, r.signal);
const e = cp.spawnSync(process.execPath, ['-e', 'console.error("to err"); process.exit(7)'], { encoding: 'utf8' });
console.log(e.status, e.stderr.trim());
const i = cp.spawnSync(process.execPath, ['-e', 'process.stdin.on("data", (d) => process.stdout.write(String(d).toUpperCase()))'], { input: 'piped', encoding: 'utf8' });
console.log(i.stdout);
try { cp.execFileSync(process.execPath, ['-e', 'process.exit(3)'], { stdio: 'pipe' }); } catch (err) { console.log('status', err.status); }
console.log(cp.execFileSync(process.execPath, ['-p', '"exec file"']).toString().trim());
