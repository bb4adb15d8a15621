const path = require('path');
console.log(path.join('/a/b', '../c', './d'), path.join(''), path.join('a', '', 'b/'));
console.log(path.resolve('/x', 'y', '..', 'z'), path.normalize('/a//b/../c/.'), path.normalize('./'));
console.log(path.relative('/a/b/c', '/a/d'), path.relative('/a', '/a/b/c'), path.relative('/a/b', '/a/b'));
console.log(path.dirname('/a/b/c.txt'), path.dirname('a'), path.dirname('/'), path.basename('/a/b.txt', '.txt'));
console.log(path.extname('x.tar.gz'), path.extname('.bashrc'), path.extname('a.'), path.extname('a'));
console.log(path.parse('/home/u/file.txt'), path.format({ dir: '/x', name: 'n', ext: 'e' }));
console.log(path.isAbsolute('/a'), path.isAbsolute('a'), path.sep, path.delimiter, path.posix === path);
try { path.join(1); } catch (e) { console.log(e.code, e.message); }
