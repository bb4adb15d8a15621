// ejs compiles a page template with includes-like local functions, and renders it over 2,000
// orders (escaping, loops, conditionals).
'use strict';
const ejs = require('ejs');
const { bench, tools } = require('./lib/common');

const { int, pick, word, words } = tools(13);
const orders = Array.from({ length: 2000 }, (_, i) => ({
  id: 10000 + i,
  customer: { name: `${word()} ${word()}`, email: `${word()}@${word()}.com`, vip: int(0, 9) === 0 },
  note: int(0, 3) === 0 ? `<b>${words(5)}</b> & "${word()}"` : '',
  items: Array.from({ length: int(1, 6) }, () => ({ sku: word().toUpperCase(), qty: int(1, 9), price: int(100, 99999) / 100 })),
  status: pick(['open', 'paid', 'shipped', 'cancelled']),
}));

const source = `<html><head><title><%= title %></title></head><body>
<h1><%= title %></h1>
<table>
<% for (const order of orders) { -%>
  <tr class="<%= order.status %><% if (order.customer.vip) { %> vip<% } %>">
    <td>#<%= order.id %></td><td><%= order.customer.name %> &lt;<%= order.customer.email %>&gt;</td>
    <td><%= order.note || '-' %></td>
    <td><ul><% for (const item of order.items) { %><li><%= item.qty %> × <%= item.sku %> at <%= money(item.price) %></li><% } %></ul></td>
    <td><%= money(order.items.reduce((s, it) => s + it.qty * it.price, 0)) %></td>
  </tr>
<% } -%>
</table></body></html>`;

const money = (v) => `$${v.toFixed(2)}`;
bench(() => {
  const template = ejs.compile(source);
  return template({ title: 'Orders & returns', orders, money });
}, { reps: 20 });
