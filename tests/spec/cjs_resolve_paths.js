const path = require('path');
console.log(require.resolve.paths('fs'));
console.log(require.resolve.paths('./x').map((p) => path.basename(p)));
console.log(require.resolve.paths('dep').slice(0, 2).map((p) => path.relative(__dirname, p)));
console.log(path.relative(__dirname, require.resolve('dep', { paths: [__dirname] })));
