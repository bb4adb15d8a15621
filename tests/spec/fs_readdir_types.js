// readdir of a directory holding each kind of entry a script can make (files, directories,
// links to each, a dangling link, a Unix-domain socket), as names and as Dirents, in the sync,
// callback and promise forms, with the `buffer` encoding and `recursive`; through a link to a
// directory; a directory of 3,000 entries; and the errors: a missing path, a file, a path
// through a file, and arguments that are no path.
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-readdir-'));
const show = (v) => (v === undefined ? '-' : String(v).split(root).join('<tmp>'));
const dir = path.join(root, 'dir');
fs.mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
fs.writeFileSync(path.join(dir, 'file.txt'), 'x');
fs.writeFileSync(path.join(dir, 'sub', 'inner.txt'), 'y');
fs.writeFileSync(path.join(dir, 'sub', 'deeper', 'deepest.txt'), 'z');
fs.symlinkSync('file.txt', path.join(dir, 'link-to-file'));
fs.symlinkSync('sub', path.join(dir, 'link-to-dir'));
fs.symlinkSync('nowhere', path.join(dir, 'dangling'));
fs.writeFileSync(path.join(dir, 'ünïcødé €'), '');
fs.symlinkSync(dir, path.join(root, 'dirlink'));

const kind = (d) => ['isFile', 'isDirectory', 'isSymbolicLink', 'isSocket', 'isFIFO',
  'isBlockDevice', 'isCharacterDevice'].filter((m) => d[m]()).join(',') || 'none';
const dirents = (list) => list.map((d) => `${d.name}:${kind(d)}:${show(d.parentPath)}`).sort().join(' ');
const names = (list) => list.map(String).sort().join(' ');
const report = (name, e) => console.log(name, e.code, e.errno ?? '-', e.syscall ?? '-', show(e.path), '|', show(e.message));

function listings(label) {
  console.log(`${label} names:`, names(fs.readdirSync(dir)));
  console.log(`${label} dirents:`, dirents(fs.readdirSync(dir, { withFileTypes: true })));
}

const server = net.createServer().listen(path.join(dir, 'sock'), async () => {
  listings('sync');
  console.log('through a link:', names(fs.readdirSync(path.join(root, 'dirlink'))));
  console.log('link to a dir:', names(fs.readdirSync(path.join(dir, 'link-to-dir'))));
  console.log('buffer:', fs.readdirSync(path.join(dir, 'sub'), 'buffer').map((b) => `${Buffer.isBuffer(b)}:${b}`).sort().join(' '));
  console.log('buffer dirents:', fs.readdirSync(path.join(dir, 'sub'), { encoding: 'buffer', withFileTypes: true })
    .map((d) => `${Buffer.isBuffer(d.name)}:${d.name}:${kind(d)}`).sort().join(' '));
  console.log('recursive:', names(fs.readdirSync(path.join(dir, 'sub'), { recursive: true })));
  console.log('recursive dirents:', dirents(fs.readdirSync(path.join(dir, 'sub'), { recursive: true, withFileTypes: true })));
  console.log('callback:', await new Promise((resolve) => fs.readdir(dir, { withFileTypes: true }, (e, list) => resolve(e ? e.code : dirents(list)))));
  console.log('promises:', names(await fs.promises.readdir(dir)));
  console.log('promises dirents:', dirents(await fs.promises.readdir(dir, { withFileTypes: true })));

  const big = path.join(root, 'big');
  fs.mkdirSync(big);
  for (let i = 0; i < 3000; i++) fs.writeFileSync(path.join(big, `entry-${i}`), '');
  const all = fs.readdirSync(big, { withFileTypes: true });
  const seen = new Set(all.map((d) => d.name));
  console.log('3000 entries:', all.length, seen.size, all.every((d) => d.isFile()), seen.has('entry-0') && seen.has('entry-2999'));
  console.log('empty:', fs.readdirSync(path.join(dir, 'sub', 'deeper', '..', 'deeper')).length,
    JSON.stringify(fs.readdirSync(fs.mkdtempSync(path.join(root, 'e-')))));

  const missing = path.join(root, 'missing');
  const file = path.join(dir, 'file.txt');
  for (const [name, p] of [['missing', missing], ['file', file], ['through a file', path.join(file, 'x')],
    ['dangling link', path.join(dir, 'dangling')], ['link to a file', path.join(dir, 'link-to-file')]]) {
    try { fs.readdirSync(p); console.log(name, 'no error'); } catch (e) { report(`sync ${name}`, e); }
    await new Promise((resolve) => fs.readdir(p, (e) => { report(`callback ${name}`, e); resolve(); }));
    await fs.promises.readdir(p, { withFileTypes: true }).then(() => console.log(name, 'no error'), (e) => report(`promise ${name}`, e));
  }
  for (const [name, f] of [
    ['number', () => fs.readdirSync(123)],
    ['undefined', () => fs.readdirSync()],
    ['NUL byte', () => fs.readdirSync('/tmp/a\0b')],
    ['recursive: "yes"', () => fs.readdirSync(dir, { recursive: 'yes' })],
    ['bad encoding', () => fs.readdirSync(dir, { encoding: 'nope' })],
    ['callback missing', () => fs.readdir(dir)],
  ]) {
    try { f(); console.log(name, 'no error'); } catch (e) { console.log(name, e.code, e.message.split('\n')[0]); }
  }
  server.close();
  fs.rmSync(root, { recursive: true });
  console.log('done');
});
