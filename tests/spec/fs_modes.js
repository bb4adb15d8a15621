// Permission bits and identities as stat reports them: chmod and fchmod, the mode given to
// open, writeFile and mkdir (recursive too) less the umask, copyFile keeping the source's bits,
// the same inode from stat and fstat, a hard link's count; and a recursive rm of a directory
// holding a FIFO, which must not wait for a writer.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-fs-modes-'));
const bits = (p) => (fs.statSync(p).mode & 0o7777).toString(8);
const file = path.join(root, 'file.txt');
fs.writeFileSync(file, 'x');
console.log('default file', bits(file), fs.statSync(file).isFile());
fs.chmodSync(file, 0o751);
console.log('chmod', bits(file), (fs.lstatSync(file).mode & 0o777).toString(8));
const fd = fs.openSync(file, 'r+');
fs.fchmodSync(fd, 0o604);
console.log('fchmod then fstat', (fs.fstatSync(fd).mode & 0o777).toString(8), bits(file));
console.log('same inode', fs.fstatSync(fd).ino === fs.statSync(file).ino, fs.fstatSync(fd).dev === fs.statSync(file).dev);
fs.closeSync(fd);

fs.writeFileSync(path.join(root, 'script.sh'), '#!/bin/sh\n', { mode: 0o755 });
console.log('writeFile mode', bits(path.join(root, 'script.sh')));
fs.closeSync(fs.openSync(path.join(root, 'private'), 'wx', 0o600));
console.log('open mode', bits(path.join(root, 'private')));
fs.writeFileSync(path.join(root, 'script.sh'), 'again', { mode: 0o600 });
console.log('mode only on creation', bits(path.join(root, 'script.sh')));
fs.copyFileSync(path.join(root, 'private'), path.join(root, 'copy'));
console.log('copyFile keeps bits', bits(path.join(root, 'copy')));

fs.mkdirSync(path.join(root, 'd700'), { mode: 0o700 });
console.log('mkdir mode', bits(path.join(root, 'd700')), fs.statSync(path.join(root, 'd700')).isDirectory());
fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true, mode: 0o711 });
console.log('recursive mkdir mode', bits(path.join(root, 'a')), bits(path.join(root, 'a', 'b')));
const old = process.umask(0o077);
fs.writeFileSync(path.join(root, 'masked'), 'x');
fs.mkdirSync(path.join(root, 'masked-dir'));
console.log('umask 077', bits(path.join(root, 'masked')), bits(path.join(root, 'masked-dir')));
process.umask(old);

fs.linkSync(file, path.join(root, 'hard'));
console.log('links', fs.statSync(file).nlink, fs.statSync(path.join(root, 'hard')).nlink);
fs.promises.chmod(file, 0o640).then(async () => {
  console.log('promises chmod', bits(file), ((await fs.promises.stat(file)).mode & 0o777).toString(8));
  const fh = await fs.promises.open(file, 'r');
  await fh.chmod(0o444);
  console.log('FileHandle chmod', ((await fh.stat()).mode & 0o777).toString(8));
  await fh.close();

  if (spawnSync('mkfifo', [path.join(root, 'a', 'fifo')]).status === 0) {
    console.log('fifo', fs.lstatSync(path.join(root, 'a', 'fifo')).isFIFO());
  }
  fs.rmSync(root, { recursive: true });
  console.log('removed', !fs.existsSync(root));
});
