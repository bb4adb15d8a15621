// fast-json-stable-stringify serializes a 3 MB document with sorted keys (as caches and
// content hashes do), and JSON.parse reads it back.
'use strict';
const stringify = require('fast-json-stable-stringify');
const { bench, tools } = require('./lib/common');

const { int, pick, word, words, next } = tools(37);
const doc = {
  generated: '2024-05-01T00:00:00Z',
  items: Array.from({ length: 10000 }, (_unused, i) => ({
    zid: i,
    title: words(int(2, 8)),
    price: Math.round(next() * 1e6) / 100,
    tags: Array.from({ length: int(0, 6) }, () => word()),
    stock: { warehouse: pick(['a', 'b', 'c']), count: int(0, 500), reserved: int(0, 20) },
    attributes: Object.fromEntries(Array.from({ length: int(1, 6) }, () => [word(), pick([word(), int(0, 99), next() < 0.5, null])])),
    description: words(int(5, 25)),
  })),
};

bench(() => {
  const text = stringify(doc);
  const back = JSON.parse(text);
  return `${text.length}:${back.items.length}:${text.slice(0, 2000)}:${text.slice(-2000)}:${stringify(back.items[4321])}`;
}, { reps: 10 });
