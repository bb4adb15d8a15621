// @babel/parser parses lodash.js (545 KB) into a Babel AST, as bundlers and linters do.
'use strict';
const babel = require('@babel/parser');
const { bench, packageFile, treeSummary } = require('./lib/common');

const source = packageFile('lodash/lodash.js');
bench(() => babel.parse(source, { sourceType: 'script' }), { reps: 10, summary: treeSummary });
