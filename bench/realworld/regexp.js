// Regexp search costs that must not grow with the wrong thing (issue 16): prints one line per
// measurement, "name ms", timed inside the process after a warm-up. Run it with node and with
// moat (natively and --safe) and compare:
//   node bench/realworld/regexp.js; moat bench/realworld/regexp.js
'use strict';
const { performance } = require('perf_hooks');

function time(name, fn, reps) {
  fn();
  const t = performance.now();
  for (let i = 0; i < reps; i++) fn();
  const ms = (performance.now() - t) / reps;
  console.log(`${name.padEnd(44)} ${ms.toFixed(3)}`);
  return ms;
}

// An anchored pattern that fails costs the same on 1 MB as on 10 bytes.
const small = 'x'.repeat(10);
const big = 'x'.repeat(1 << 20);
const anchored = /^(?:foo|bar)\d+/;
const perCallSmall = time('anchored miss, 10 B subject (x1000)', () => {
  for (let i = 0; i < 1000; i++) anchored.exec(small);
}, 20);
const perCallBig = time('anchored miss, 1 MB subject (x1000)', () => {
  for (let i = 0; i < 1000; i++) anchored.exec(big);
}, 20);
console.log(`${'anchored 1 MB / 10 B'.padEnd(44)} ${(perCallBig / perCallSmall).toFixed(2)}x`);

// A literal and a required first character searched over 100 MB.
const hay = 'abcdefghij'.repeat(10 << 20) + 'needle';
time('literal /needle/ over 100 MB', () => {
  if (/needle/.exec(hay).index !== hay.length - 6) throw new Error('wrong match');
}, 3);
time('first char /n\\w+e/ over 100 MB', () => {
  if (/n\w+e/.exec(hay).index !== hay.length - 6) throw new Error('wrong match');
}, 3);

// A tokenizer that matches anchored patterns against the rest of a document: linear in the
// document's length (the time per KB stays flat as the document grows).
function tokenize(src) {
  const rules = [/^\s+/, /^[A-Za-z_]\w*/, /^\d+/, /^"(?:[^"\\]|\\.)*"/, /^[^\sA-Za-z_\d"]/];
  let pos = 0;
  let count = 0;
  while (pos < src.length) {
    const rest = src.slice(pos);
    let m = null;
    for (const re of rules) {
      m = re.exec(rest);
      if (m !== null) break;
    }
    pos += m[0].length;
    count++;
  }
  return count;
}
const line = 'let value = compute("text", 42) + other_name * 7;\n';
for (const kb of [16, 64, 256]) {
  const doc = line.repeat(Math.ceil((kb * 1024) / line.length));
  const ms = time(`tokenizer over ${kb} KB`, () => tokenize(doc), 2);
  console.log(`${`tokenizer per KB at ${kb} KB`.padEnd(44)} ${(ms / kb).toFixed(4)}`);
}
