// cheerio loads a 1 MB product page (parse5) and queries it with CSS selectors, reading text and
// attributes and editing a few nodes, as scrapers do.
import * as cheerio from 'cheerio';
import common from './lib/common.js';
import page from './lib/page.js';

const { bench } = common;

bench(() => {
  const $ = cheerio.load(page);
  const rows = $('article.card').map((_i, el) => {
    const card = $(el);
    return `${card.attr('data-id')}|${card.find('h3 a').attr('href')}|${card.find('h3 a').text().trim()}|${card.find('.price > b').text()}|${card.find('ul.specs li').length}`;
  }).get();
  $('article.sale').addClass('highlight');
  $('script, style').remove();
  return `${rows.length}:${$('section').length}\n${rows.join('\n')}\n${$('header').html()}`;
}, { reps: 10 });
