// marked renders an 87 KB markdown document (two packages' READMEs) to HTML.
'use strict';
const { marked } = require('marked');
const { bench } = require('./lib/common');
const doc = require('./lib/markdown');

bench(() => marked.parse(doc), { reps: 10 });
