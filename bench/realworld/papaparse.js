// papaparse parses a 2 MB CSV export (quoted fields with commas, quotes and newlines; numbers,
// booleans, empty cells) with a header row and dynamic typing, then writes it back with unparse.
'use strict';
const Papa = require('papaparse');
const { bench, tools } = require('./lib/common');

const { int, pick, word, words, next } = tools(47);
const rows = ['id,name,email,city,amount,paid,note,created'];
for (let i = 0; i < 20000; i++) {
  const note = pick(['', words(int(1, 6)), `"${word()}", ${word()}`, `${word()}\n${word()}`]);
  const quoted = /[",\n]/.test(note) ? `"${note.replace(/"/g, '""')}"` : note;
  rows.push([i + 1, `${word()} ${word()}`, `${word()}@${word()}.net`, word(), (next() * 10000).toFixed(2), pick(['true', 'false', '']), quoted,
    `2024-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`].join(','));
}
const csv = rows.join('\r\n');

bench(() => {
  const parsed = Papa.parse(csv, { header: true, dynamicTyping: true, skipEmptyLines: true });
  const total = parsed.data.reduce((s, r) => s + (typeof r.amount === 'number' ? r.amount : 0), 0);
  return `${parsed.data.length}:${parsed.errors.length}:${total.toFixed(2)}\n${Papa.unparse(parsed.data)}`;
}, { reps: 10 });
