// markdown-it renders an 87 KB markdown document (two packages' READMEs) to HTML, with
// linkify and typographer on.
'use strict';
const MarkdownIt = require('markdown-it');
const { bench } = require('./lib/common');
const doc = require('./lib/markdown');

const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
bench(() => md.render(doc), { reps: 10 });
