// The error of each fs function on a missing path and on a directory where a file is expected,
// in its sync, callback and promise forms: code, errno, syscall, path, dest and message.
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-fs-errors-'));
const show = (v) => (v === undefined ? '-' : String(v).split(root).join('<tmp>'));
const missing = path.join(root, 'missing');
const dir = path.join(root, 'dir');
const file = path.join(root, 'file');
fs.mkdirSync(dir);
fs.writeFileSync(file, 'x');

function report(name, e) {
  if (!e) { console.log(name, 'no error'); return; }
  console.log(name, e.code, e.errno ?? '-', e.syscall ?? '-', show(e.path), show(e.dest), '|', show(e.message));
}

const sync = [
  ['readFileSync missing', () => fs.readFileSync(missing)],
  ['readFileSync dir', () => fs.readFileSync(dir)],
  ['readFileSync dir utf8', () => fs.readFileSync(dir, 'utf8')],
  ['writeFileSync dir', () => fs.writeFileSync(dir, 'x')],
  ['appendFileSync missing parent', () => fs.appendFileSync(path.join(missing, 'a'), 'x')],
  ['openSync missing', () => fs.openSync(missing)],
  ['openSync wx existing', () => fs.openSync(file, 'wx')],
  ['statSync missing', () => fs.statSync(missing)],
  ['lstatSync missing', () => fs.lstatSync(missing)],
  ['statSync through a file', () => fs.statSync(path.join(file, 'x'))],
  ['accessSync missing', () => fs.accessSync(missing)],
  ['readdirSync missing', () => fs.readdirSync(missing)],
  ['readdirSync file', () => fs.readdirSync(file)],
  ['opendirSync missing', () => fs.opendirSync(missing)],
  ['mkdirSync existing', () => fs.mkdirSync(dir)],
  ['mkdirSync recursive through a file', () => fs.mkdirSync(path.join(file, 'a'), { recursive: true })],
  ['mkdtempSync missing parent', () => fs.mkdtempSync(path.join(missing, 'x-'))],
  ['rmdirSync missing', () => fs.rmdirSync(missing)],
  ['rmdirSync file', () => fs.rmdirSync(file)],
  ['rmSync missing', () => fs.rmSync(missing)],
  ['rmSync dir', () => fs.rmSync(dir)],
  ['unlinkSync missing', () => fs.unlinkSync(missing)],
  ['unlinkSync dir', () => fs.unlinkSync(dir)],
  ['renameSync missing', () => fs.renameSync(missing, path.join(root, 'b'))],
  ['copyFileSync missing', () => fs.copyFileSync(missing, path.join(root, 'b'))],
  ['copyFileSync excl existing', () => fs.copyFileSync(file, file, fs.constants.COPYFILE_EXCL)],
  ['linkSync missing', () => fs.linkSync(missing, path.join(root, 'b'))],
  ['symlinkSync existing', () => fs.symlinkSync(file, dir)],
  ['readlinkSync file', () => fs.readlinkSync(file)],
  ['readlinkSync missing', () => fs.readlinkSync(missing)],
  ['realpathSync missing', () => fs.realpathSync(path.join(missing, 'a'))],
  ['realpathSync.native missing', () => fs.realpathSync.native(missing)],
  ['chmodSync missing', () => fs.chmodSync(missing, 0o644)],
  ['truncateSync missing', () => fs.truncateSync(missing)],
  ['truncateSync dir', () => fs.truncateSync(dir)],
  ['utimesSync missing', () => fs.utimesSync(missing, 1, 1)],
  ['cpSync missing', () => fs.cpSync(missing, path.join(root, 'b'))],
  ['cpSync dir without recursive', () => fs.cpSync(dir, path.join(root, 'b'))],
  ['closeSync bad fd', () => fs.closeSync(12345)],
  ['fstatSync bad fd', () => fs.fstatSync(12345)],
  ['readSync bad fd', () => fs.readSync(12345, Buffer.alloc(1))],
  ['writeSync bad fd', () => fs.writeSync(12345, 'x')],
];
for (const [name, f] of sync) {
  try { f(); report(name); } catch (e) { report(name, e); }
}
console.log('existsSync', fs.existsSync(missing), fs.existsSync(dir));
console.log('statSync throwIfNoEntry', fs.statSync(missing, { throwIfNoEntry: false }));

const callbacks = [
  ['readFile missing', (cb) => fs.readFile(missing, cb)],
  ['readFile dir', (cb) => fs.readFile(dir, cb)],
  ['open missing', (cb) => fs.open(missing, 'r', cb)],
  ['stat missing', (cb) => fs.stat(missing, cb)],
  ['readdir missing', (cb) => fs.readdir(missing, cb)],
  ['mkdir existing', (cb) => fs.mkdir(dir, cb)],
  ['unlink missing', (cb) => fs.unlink(missing, cb)],
  ['rm dir', (cb) => fs.rm(dir, cb)],
  ['rename missing', (cb) => fs.rename(missing, path.join(root, 'b'), cb)],
];
const promises = [
  ['promises.readFile missing', () => fs.promises.readFile(missing)],
  ['promises.open missing', () => fs.promises.open(missing)],
  ['promises.stat missing', () => fs.promises.stat(missing)],
  ['promises.readdir file', () => fs.promises.readdir(file)],
  ['promises.mkdir existing', () => fs.promises.mkdir(dir)],
  ['promises.rmdir file', () => fs.promises.rmdir(file)],
  ['promises.access missing', () => fs.promises.access(missing)],
];

(async () => {
  for (const [name, f] of callbacks) {
    await new Promise((resolve) => f((err) => { report(name, err); resolve(); }));
  }
  for (const [name, f] of promises) {
    try { await f(); report(name); } catch (e) { report(name, e); }
  }
  fs.rmSync(root, { recursive: true });
  console.log('removed', !fs.existsSync(root));
})();
