'use strict';
// readdir under the permission model: a child with --permission and --allow-fs-read for this
// folder only lists this folder, and gets ERR_ACCESS_DENIED (naming the path as asked) for its
// parent, a path that climbs out with `..`, the root and a missing path outside, in every form
// (sync, callback, promise, opendir, recursive). Under --safe this run is granted no more than
// this folder to read, and the child is sandboxed within that.
const { spawnSync } = require('child_process');
const path = require('path');

const child = `
const fs = require('fs');
const here = ${JSON.stringify(__dirname)};
const show = (v) => String(v).split(here).join('<here>');
const mine = (list) => list.map(String).includes('fs_readdir_denied.js');
const report = (name, e) => console.log(name, '->', e.code, e.permission, show(e.resource), e.message);
(async () => {
  console.log('own folder:', mine(fs.readdirSync(here)), mine(await fs.promises.readdir(here)));
  for (const p of [here + '/..', here + '/../spec/..', '/', '/no-such-dir-anywhere']) {
    try { fs.readdirSync(p); console.log(show(p), 'listed'); } catch (e) { report('sync ' + show(p), e); }
    await new Promise((resolve) => {
      try { fs.readdir(p, { withFileTypes: true }, (e) => { if (e) report('callback ' + show(p), e); else console.log(show(p), 'listed'); resolve(); }); }
      catch (e) { report('callback (thrown) ' + show(p), e); resolve(); }
    });
    await fs.promises.readdir(p).then(() => console.log(show(p), 'listed'), (e) => report('promise ' + show(p), e));
  }
  try { fs.opendirSync('/'); console.log('opendir listed'); } catch (e) { report('opendirSync /', e); }
  try { fs.readdirSync(here + '/..', { recursive: true }); console.log('recursive listed'); } catch (e) { report('recursive <here>/..', e); }
})();
`;
const r = spawnSync(process.execPath, ['--permission', `--allow-fs-read=${__dirname}`, '-e', child], { encoding: 'utf8' });
process.stdout.write(r.stdout);
console.log('stderr:', JSON.stringify(r.stderr), 'status:', r.status);
