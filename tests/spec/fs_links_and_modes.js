// Symbolic and hard links, readlink, realpath, lstat, readdir's types, chmod and unlink inside
// a directory of the program's own.
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-fs-links-'));
const show = (v) => String(v).split(root).join('<tmp>');
const file = path.join(root, 'file.txt');
fs.writeFileSync(file, 'content');
fs.symlinkSync(file, path.join(root, 'abs-link'));
fs.symlinkSync('file.txt', path.join(root, 'rel-link'));
fs.linkSync(file, path.join(root, 'hard'));
console.log('readlink', show(fs.readlinkSync(path.join(root, 'abs-link'))), fs.readlinkSync(path.join(root, 'rel-link')));
console.log('read through links', fs.readFileSync(path.join(root, 'abs-link'), 'utf8'), fs.readFileSync(path.join(root, 'rel-link'), 'utf8'));
console.log('realpath', show(fs.realpathSync(path.join(root, 'rel-link'))));
console.log('lstat', fs.lstatSync(path.join(root, 'abs-link')).isSymbolicLink(), fs.statSync(path.join(root, 'abs-link')).isFile());
const kinds = fs.readdirSync(root, { withFileTypes: true }).map((d) => `${d.name}:${d.isSymbolicLink() ? 'link' : d.isFile() ? 'file' : '?'}`);
console.log('entries', kinds.sort().join(' '));
fs.chmodSync(file, 0o600);
fs.chmodSync(file, '644');
try { fs.symlinkSync(file, path.join(root, 'rel-link')); } catch (e) { console.log('symlink over a link', e.code, e.syscall, show(e.path), show(e.dest)); }
fs.unlinkSync(path.join(root, 'abs-link'));
console.log('after unlink', fs.existsSync(path.join(root, 'abs-link')), fs.existsSync(file));

console.log('outside unchanged', fs.readFileSync(file, 'utf8'));
fs.rmSync(root, { recursive: true });
console.log('removed', !fs.existsSync(root));
