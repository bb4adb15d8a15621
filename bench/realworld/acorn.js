// acorn parses lodash.js (545 KB, the lodash package's unminified build) into an ESTree AST.
'use strict';
const acorn = require('acorn');
const { bench, packageFile, treeSummary } = require('./lib/common');

const source = packageFile('lodash/lodash.js');
bench(() => acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script', locations: true }), {
  reps: 10,
  summary: treeSummary,
});
