const cp = require('child_process');
const path = require('path');
const r = cp.spawnSync(process.execPath, ['-r', path.join(__dirname, 'fixtures', 'preload.js'), '-e', 'console.log("main", globalThis.preloaded)'], { encoding: 'utf8' });
console.log(r.stdout.trim().split('\n'));
const i = cp.spawnSync(process.execPath, ['--import', path.join(__dirname, 'fixtures', 'esm', 'preload.mjs'), '-e', 'console.log("main after import", globalThis.importPreloaded)'], { encoding: 'utf8' });
console.log(i.stdout.trim().split('\n'));
