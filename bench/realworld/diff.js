// diff (jsdiff) compares two revisions of a 2,000-line text by lines and by words, and writes
// a unified patch, as review tools and snapshot tests do.
'use strict';
const Diff = require('diff');
const { bench, tools } = require('./lib/common');

const { int, words } = tools(61);
const before = Array.from({ length: 2000 }, () => words(int(3, 12)));
const after = [];
for (const line of before) {
  const r = int(0, 19);
  if (r === 0) continue;
  if (r === 1) after.push(words(int(3, 12)));
  else if (r === 2) after.push(line.replace(/\b(\w)/, '$1$1'));
  after.push(line);
}
const a = before.join('\n') + '\n';
const b = after.join('\n') + '\n';
const a1 = before.slice(0, 200).join('\n');
const b1 = after.slice(0, 200).join('\n');

bench(() => {
  const lines = Diff.diffLines(a, b);
  const words = Diff.diffWords(a1, b1);
  const patch = Diff.createTwoFilesPatch('a.txt', 'b.txt', a, b, 'old', 'new', { context: 3 });
  return `${lines.length}:${words.length}:${words.filter((p) => p.added).length}\n${patch}`;
}, { reps: 10 });
