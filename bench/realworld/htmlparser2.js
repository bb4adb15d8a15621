// htmlparser2 parses a 1 MB product page into a DOM, and domutils queries it (elements by class,
// attributes, text content) as scrapers do.
'use strict';
const { parseDocument } = require('htmlparser2');
const DomUtils = require('domutils');
const { bench } = require('./lib/common');
const page = require('./lib/page');

bench(() => {
  const dom = parseDocument(page);
  const cards = DomUtils.getElements({ class: (c) => c !== undefined && c.split(' ').includes('card') }, dom, true);
  const rows = cards.map((card) => {
    const link = DomUtils.findOne((e) => e.name === 'a', card.children, true);
    const price = DomUtils.findOne((e) => e.name === 'b', card.children, true);
    return `${DomUtils.getAttributeValue(card, 'data-id')}|${DomUtils.getAttributeValue(link, 'href')}|${DomUtils.textContent(link).trim()}|${DomUtils.textContent(price)}`;
  });
  const text = DomUtils.textContent(dom).length;
  return `${cards.length}:${text}\n${rows.join('\n')}`;
}, { reps: 10 });
