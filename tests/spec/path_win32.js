// path.win32 against Node on generated paths: drives, UNC shares, device paths, both separators,
// dots and colons, through every function. resolve reads the working directory: it is fixed
// here so that the output does not depend on where the case runs.
process.cwd = () => '/srv/app';
const path = require('path').win32;
const atoms = ['', 'a', 'b', 'C:', 'c:', 'x:', '\\', '/', '\\\\', '//', '.', '..', 'foo.txt', '.bar', 'a.b.c', 'srv', 'share', '...', '?', 'UNC', 'x', ' '];
const seps = ['', '\\', '/', '\\\\', '//'];
let seed = 12345;
const rand = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const gen = () => { let s = ''; const k = rand(6); for (let i = 0; i < k; i++) s += atoms[rand(atoms.length)] + seps[rand(seps.length)]; return s; };
const out = [];
for (let i = 0; i < 150; i++) {
  const p = gen(), q = gen(), r = gen();
  const row = [p, q];
  for (const [name, fn] of [['normalize', () => path.normalize(p)], ['isAbsolute', () => path.isAbsolute(p)], ['join', () => path.join(p, q, r)],
    ['resolve', () => path.resolve(p, q)], ['relative', () => path.relative(p, q)], ['dirname', () => path.dirname(p)], ['basename', () => path.basename(p)],
    ['basename2', () => path.basename(p, q)], ['extname', () => path.extname(p)], ['parse', () => JSON.stringify(path.parse(p))],
    ['format', () => path.format(path.parse(p))], ['ns', () => path.toNamespacedPath(p)]]) {
    let v; try { v = fn(); } catch (e) { v = 'ERR ' + e.message; }
    row.push(`${name}=${v}`);
  }
  out.push(JSON.stringify(row));
}
console.log(out.join('\n'));
const w = require('path').win32;
console.log(w === require('path/win32'), w.win32 === w, w.posix === require('path').posix, w.sep, w.delimiter);
console.log(w.join('\\fileserver\\public\\uploads', 'CON:..\\..\\..\\private\\db.conf'), w.join('upload', '../', 'C:foo'));
console.log(w.relative('c:\\a\\İ', 'c:\\a\\İ\\test.txt'), w.toNamespacedPath('c:\\x'), w.toNamespacedPath('\\\\srv\\share\\f'));
