// Shared input of the markdown workloads: the READMEs of terser and semver (about 87 KB of
// headings, lists, tables, code blocks and links), as packaged in their pinned versions.
'use strict';
const { packageFile } = require('./common');

module.exports = packageFile('terser/README.md') + '\n\n' + packageFile('semver/README.md');
