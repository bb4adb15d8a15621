// A process whose working directory has been removed still runs `-e` code (module paths
// from the executable's directory, as Node takes them) and absolute `-r` preloads, and
// process.cwd() fails with Node's ENOENT error. A shell removes the directory the child
// starts in.
const path = require('path');
const { spawnSync } = require('child_process');

const preload = path.join(__dirname, 'fixtures', 'cwd_removed_preload.js');
const code = "let e; try { process.cwd(); } catch (err) { e = err; } console.log('ran', __filename, e.code, e.syscall)";
const inRemovedDir = 'cd "$(mktemp -d)" && rmdir "$PWD" && exec "$0" "$@"';
for (const args of [['-e', code], ['-r', preload, '-e', code]]) {
  const r = spawnSync('/bin/sh', ['-c', inRemovedDir, process.execPath, ...args], { encoding: 'utf8' });
  console.log(r.status, r.stdout.trim().split('\n').join(' | '), r.stderr);
}
