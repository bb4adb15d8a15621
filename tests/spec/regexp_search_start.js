// Regexp searches that can skip start positions (an anchored pattern, a required first
// character, a literal prefix, a first-character set) find the same matches, captures and
// lastIndex as trying every position. Subjects are long enough for the fast paths, in both
// 8-bit and 16-bit strings.
function show(re, s, lastIndex) {
  if (lastIndex !== undefined) re.lastIndex = lastIndex;
  const m = re.exec(s);
  const shown = m === null ? 'null' : JSON.stringify({ index: m.index, m: [...m], groups: m.groups });
  console.log(`${re} ${JSON.stringify(s.length > 40 ? s.slice(0, 37) + '...' : s)} @${lastIndex ?? '-'} -> ${shown} lastIndex=${re.lastIndex}`);
}

const latin = 'the quick brown fox jumps over the lazy dog\nsecond line: café 42\r\nthird';
const wide = 'the quick brown fox \u2028 jumps \uD83D\uDE00 over the lazy dog \u00e9\u0100 end\nnext';

for (const s of [latin, wide]) {
  // Anchored: only position 0 can match, with and without g, at lastIndex 0 and later.
  show(/^the/, s);
  show(/^quick/, s);
  show(/^the/g, s, 0);
  show(/^the/g, s, 1);
  show(/^(?:the|a) (\w+)/, s);
  show(/^second/m, s);
  show(/^second/m, s.slice(1));
  show(/^(t)(h)?|^x/, s);
  show(/(?:^foo|^the)\s(q)/, s);
  // ^ on one alternative only: position 0, or where the other can begin.
  show(/^x|o(v)/, s);
  show(/^t|z/g, s, 3);
  // Sticky never searches.
  show(/quick/y, s, 0);
  show(/quick/y, s, 4);
  // Required first character and literal prefixes.
  show(/o(\w)/, s);
  show(/lazy/, s);
  show(/lazy/g, s, 40);
  show(/jumps (o)ver/, s);
  show(/dog$/, s);
  show(/dog$/m, s);
  show(/\d+/, s);
  show(/[xyz]./, s);
  show(/[^a-z ]/, s);
  show(/\s\S/, s);
  show(/.\n/, s);
  show(/\r\n?|\n|\u2028/, s);
  show(/zzz/, s);
  show(/\u0100./, s);
  show(/caf\u00e9/, s);
  // Case-insensitive, lookbehind, lookahead with captures, back references, empty matches.
  show(/QUICK/i, s);
  show(/(?<=lazy )dog/, s);
  show(/(?=(o))o(?!x)/, s);
  show(/(?=(q))x|b(r)/, s);
  show(/(o)\w*\1/, s);
  show(/x*/, s);
  show(/x*/g, s, 5);
  show(/(?<word>f\w+)/, s);
  show(/\bo/g, s, 12);
}

// Unicode mode: the second half of a surrogate pair never begins a match.
const pair = 'ab\uD83D\uDE00cd\uDE00ef\uD83D gh ij kl';
show(/\uDE00/u, pair);
show(/\uDE00/, pair);
show(/[\uDC00-\uDFFF]/u, pair);
show(/[\uDC00-\uDFFF]/, pair);
show(/./gu, pair, 3);
show(/\u{1F600}c/u, pair);
show(/\S\S/gu, pair, 2);
show(/[^a-z]/u, pair);
// lastIndex inside a pair is moved to its start in unicode mode.
show(/\u{1F600}/gu, pair, 3);
show(/\uDE00/g, pair, 3);

// Case-insensitive first characters, including the ones above 255 that fold to ASCII
// (KELVIN SIGN to k and LATIN SMALL LETTER LONG S to s in unicode mode).
const folds = 'xyz 123 \u212Aelvin \u017Fign ABC abc \u00c9t\u00e9 end';
for (const re of [/kelvin/i, /kelvin/iu, /sign/i, /sign/iu, /[j-l]e/iu, /[a-c]{3}/gi, /\u00e9t/i, /\u00c9T\u00c9/i, /x|END/i]) {
  show(re, folds);
  show(re, folds.replace(/[^\x00-\xff]/g, '?'));
}

// '^' with the m flag: a match begins at the start or after any line terminator, and can be
// empty at the very end.
const lines = 'key: 1\n# note\r\nother: 2\r# cr\u2028# ls\u2029last: 3\n\n';
for (const s of [lines, lines.replace(/[\u2028\u2029]/g, '\n'), lines + '\u0100']) {
  console.log(JSON.stringify(s.match(/^#.*$/gm)), s.match(/^/gm).length, s.match(/^$/gm).length);
  console.log(JSON.stringify(s.replace(/^(\w+):/gm, '[$1]')));
  console.log(JSON.stringify([...s.matchAll(/^|x/gm)].map((m) => m.index)));
  show(/^o|3$/m, s);
  show(/^(?:l|k)\w+/gm, s, 5);
}

// Results of the string methods built on exec.
const text = 'a1b22c333d4444 e55555f';
console.log(text.replace(/\d+/g, (m) => `<${m.length}>`));
console.log(text.split(/\d+/));
console.log([...text.matchAll(/([a-f])(\d+)/g)].map((m) => `${m.index}:${m[1]}${m[2].length}`).join(' '));
console.log(text.search(/e\d/), text.search(/^a/), text.search(/^1/), text.search(/ /));
console.log('x'.repeat(50).replace(/^x/g, 'y').slice(0, 5), 'ab'.repeat(30).replace(/^ab|b$/g, '-').length);
