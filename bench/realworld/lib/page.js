// Shared input of the HTML workloads: a 1 MB product-listing page (nested sections, attributes,
// entities, inline scripts and styles, comments, unclosed <li> and <p>).
'use strict';
const { tools } = require('./common');

const { int, pick, word, words } = tools(59);
const parts = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Catalogue &amp; offers</title>',
  '<style>.card{display:flex}.price>b{color:red}</style><script>window.__data = {"a": 1, "b": "</" + "p>"};</script></head><body>',
  '<header id="top"><nav><ul class="menu"><li><a href="/">Home<li><a href="/shop">Shop</a><li><a href="/about">About</a></ul></nav></header><main>'];
for (let s = 0; s < 25; s++) {
  parts.push(`<section class="category" id="cat-${s}" data-name="${word()}"><h2>${words(3)} &mdash; ${word()}</h2><!-- ${words(4)} -->`);
  for (let i = 0; i < 60; i++) {
    parts.push(`<article class="card ${pick(['new', 'sale', 'plain'])}" data-id="${s * 100 + i}"><img src="/img/${word()}.jpg" alt="${word()} &quot;${word()}&quot;">`,
      `<div class="body"><h3><a href="/p/${s}/${i}" title="${words(2)}">${words(int(2, 5))}</a></h3><p>${words(int(10, 40))} &lt;${word()}&gt; &#169; ${word()}`,
      `<p class="price"><b>${int(1, 999)}.${int(10, 99)}</b> <span class="old">${int(1, 999)}</span></p>`,
      `<ul class="specs">${Array.from({ length: int(2, 6) }, () => `<li>${word()}: <em>${words(2)}</em>`).join('')}</ul></div></article>`);
  }
  parts.push('</section>');
}
parts.push('</main><footer><p>&copy; 2024 <a href="mailto:shop@example.com">shop</a></footer></body></html>');
module.exports = parts.join('\n');
