// string-width measures 10,000 table cells (ASCII, accented Latin, CJK, emoji with modifiers
// and ZWJ sequences, ANSI codes) to lay out a terminal table, as CLI table printers do.
import stringWidth from 'string-width';
import common from './lib/common.js';

const { bench, tools } = common;
const { int, pick, word } = tools(43);
const extras = ['', 'é', 'ñandú', '日本語', '한국어', '中文字符', '👍', '👍🏽', '👨‍👩‍👧', '🇯🇵', '\u001b[31mred\u001b[39m', 'ｆｕｌｌ', 'a\u0301'];
const cells = Array.from({ length: 10000 }, () => `${word()}${pick(extras)}${int(0, 3) === 0 ? pick(extras) : ''}${word()}`);

bench(() => {
  const widths = cells.map((c) => stringWidth(c));
  const max = widths.reduce((m, w) => Math.max(m, w), 0);
  return `${max}:${widths.join(',')}`;
}, { reps: 10 });
