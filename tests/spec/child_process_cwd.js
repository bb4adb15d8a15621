// A child starts in its parent's working directory, the one process.chdir() set, unless the
// `cwd` option names another; a relative `cwd` is taken from the parent's directory.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync, execFile } = require('child_process');

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'moat-cp-cwd-')));
fs.mkdirSync(path.join(root, 'sub'));
const show = (s) => String(s).trim().split(root).join('<tmp>');
process.chdir(root);
console.log('parent', show(process.cwd()));
console.log('inherited', show(spawnSync('pwd').stdout));
console.log('relative option', show(spawnSync('pwd', { cwd: 'sub' }).stdout));
console.log('absolute option', show(spawnSync('pwd', { cwd: path.join(root, 'sub') }).stdout));
console.log('node child', show(spawnSync(process.execPath, ['-p', 'process.cwd()']).stdout));
execFile('pwd', { cwd: 'sub' }, (err, out) => {
  console.log('async relative', err, show(out));
  process.chdir(os.tmpdir());
  fs.rmSync(root, { recursive: true });
});
