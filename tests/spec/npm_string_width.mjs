// string-width and wrap-ansi (tests/npm), which measure terminal cells with Intl.Segmenter:
// ASCII, accents, CJK, emoji sequences and ANSI colours, and text wrapped to a width.
import stringWidth from '../npm/node_modules/string-width/index.js';
import wrapAnsi from '../npm/node_modules/wrap-ansi/index.js';

const cells = ['abc', 'é', 'e\u0301', '日本語', '한국어', 'ｆｕｌｌ', '👍', '👍🏽', '👨‍👩‍👧', '🇯🇵', '\u001b[31mred\u001b[39m',
  '\u0915\u094D\u0937', 'a\tb', '', '\u200b', '©️', '1️⃣'];
for (const c of cells) console.log(JSON.stringify(c), stringWidth(c), stringWidth(c, { ambiguousIsNarrow: false }));
const text = 'The quick \u001b[32mbrown fox\u001b[39m jumps over the lazy 犬 and 👨‍👩‍👧 family, twice: ' +
  'the quick brown fox jumps over the lazy dog.';
for (const width of [10, 16, 25]) {
  console.log(JSON.stringify(wrapAnsi(text, width, { hard: true })));
}
