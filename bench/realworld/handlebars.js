// handlebars compiles a page template with partials and helpers, and renders it over 2,000
// orders (escaping, each/if blocks, nested lookups).
'use strict';
const Handlebars = require('handlebars');
const { bench, tools } = require('./lib/common');

const { int, pick, word, words } = tools(11);
const orders = Array.from({ length: 2000 }, (_, i) => ({
  id: 10000 + i,
  customer: { name: `${word()} ${word()}`, email: `${word()}@${word()}.com`, vip: int(0, 9) === 0 },
  note: int(0, 3) === 0 ? `<b>${words(5)}</b> & "${word()}"` : '',
  items: Array.from({ length: int(1, 6) }, () => ({ sku: word().toUpperCase(), qty: int(1, 9), price: int(100, 99999) / 100 })),
  status: pick(['open', 'paid', 'shipped', 'cancelled']),
}));

const source = `<html><head><title>{{title}}</title></head><body>
<h1>{{title}}</h1>
<table>
{{#each orders}}
  <tr class="{{status}}{{#if customer.vip}} vip{{/if}}">
    <td>#{{id}}</td><td>{{customer.name}} &lt;{{customer.email}}&gt;</td>
    <td>{{#if note}}{{note}}{{else}}-{{/if}}</td>
    <td><ul>{{#each items}}{{> item}}{{/each}}</ul></td>
    <td>{{money (total items)}}</td>
  </tr>
{{/each}}
</table></body></html>`;

bench(() => {
  const hb = Handlebars.create();
  hb.registerPartial('item', '<li>{{qty}} × {{sku}} at {{money price}}</li>');
  hb.registerHelper('money', (v) => `$${v.toFixed(2)}`);
  hb.registerHelper('total', (items) => items.reduce((s, it) => s + it.qty * it.price, 0));
  const template = hb.compile(source);
  return template({ title: 'Orders & returns', orders });
}, { reps: 20 });
