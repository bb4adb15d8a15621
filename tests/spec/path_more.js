const path = require('path');
const cases = [['/a/b/c/'], ['a//b'], ['/'], ['.'], [''], ['..'], ['./a/../../b'], ['/a/b/../../..']];
for (const [p] of cases) console.log(JSON.stringify(p), path.normalize(p), path.dirname(p), path.basename(p), path.extname(p));
console.log(path.join('a', '..', '..', 'b'), path.resolve('/', '..'), path.relative('/', '/a'), path.relative('/a/b', '/'));
console.log(path.basename('/a/b.js', 'b.js'), path.basename('aaa', 'a'), path.basename('/x/', '/'), path.extname('.a.b'));
console.log(path.parse('./x.y.z'), path.parse('/'), path.format({ root: '/', base: 'f.txt' }), path.format({ name: 'n', ext: 'x' }));
console.log(path.toNamespacedPath('/x'), path.posix.sep, path.win32.sep);
