// lodash shapes 100,000 sales records: groupBy, sortBy over all of them, orderBy over a filtered
// part, mapValues, sumBy, uniqBy, countBy, chunk, keyBy and a chained pipeline.
'use strict';
const _ = require('lodash');
const { bench, tools } = require('./lib/common');

const { int, pick, word } = tools(31);
const regions = ['north', 'south', 'east', 'west', 'central'];
const products = Array.from({ length: 300 }, () => word());
const records = Array.from({ length: 100000 }, (_unused, i) => ({
  id: i,
  region: pick(regions),
  product: pick(products),
  customer: `c${int(1, 5000)}`,
  qty: int(1, 20),
  price: int(99, 9999) / 100,
  day: int(1, 365),
}));

bench(() => {
  const byRegion = _.mapValues(_.groupBy(records, 'region'), (rows) => _.round(_.sumBy(rows, (r) => r.qty * r.price), 2));
  const top = _.take(_.orderBy(_.filter(records, { qty: 20 }), ['price', 'id'], ['desc', 'asc']), 50).map((r) => r.id);
  const sorted = _.sortBy(records, ['product', 'day', 'id']).filter((_r, i) => i % 1000 === 0).map((r) => r.id);
  const customers = _.uniqBy(records, 'customer').length;
  const perProduct = _.countBy(records, 'product');
  const weekly = _.chain(records)
    .filter((r) => r.qty > 10)
    .groupBy((r) => Math.floor(r.day / 7))
    .map((rows, week) => ({ week: Number(week), n: rows.length, max: _.maxBy(rows, 'price').price }))
    .sortBy('week')
    .value();
  const keyed = Object.keys(_.keyBy(records, 'customer')).length;
  const chunks = _.chunk(records, 333).length;
  return { byRegion, top, sorted, customers, perProduct, weekly, keyed, chunks };
}, { reps: 10 });
