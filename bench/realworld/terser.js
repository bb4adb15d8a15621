// terser minifies papaparse's browser build (52 KB): parse, compress, mangle, print.
'use strict';
const { minify } = require('terser');
const { bench, packageFile } = require('./lib/common');

const source = packageFile('papaparse/papaparse.js');
bench(async () => (await minify(source, { compress: { passes: 1 }, mangle: true })).code, { reps: 5 });
