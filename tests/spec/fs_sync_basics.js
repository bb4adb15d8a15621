const fs = require('fs');
const path = require('path');
const p = path.join(__dirname, 'fixtures', 'data.json');
console.log(fs.existsSync(p), fs.existsSync(p + '.nope'), fs.statSync(p).isFile(), fs.statSync(__dirname).isDirectory());
console.log(JSON.parse(fs.readFileSync(p, 'utf8')).x, fs.readFileSync(p).length > 0, fs.readFileSync(p, { encoding: 'utf8' }).length);
console.log(fs.readdirSync(path.join(__dirname, 'fixtures', 'pkg')), fs.readdirSync(path.join(__dirname, 'fixtures', 'pkg'), { withFileTypes: true }).map((d) => [d.name, d.isDirectory()]));
try { fs.readFileSync(p + '.nope'); } catch (e) { console.log(e.code, e.syscall, e.errno, path.basename(e.path)); }
console.log(fs.statSync(p + '.nope', { throwIfNoEntry: false }));
const fd = fs.openSync(p, 'r'); const buf = Buffer.alloc(5); console.log(fs.readSync(fd, buf, 0, 5, 0), buf.toString()); fs.closeSync(fd);
fs.readFile(p, 'utf8', (err, data) => console.log('callback', err, data.length > 0));
fs.promises.readFile(p).then((d) => console.log('promise', d.length > 0));
