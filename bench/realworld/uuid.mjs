// uuid makes 20,000 name-based v5 and time-ordered v7 identifiers (v7 from fixed timestamps and
// random bytes, so the output is the same each run), parses, validates and stringifies them.
import { v5, v7, validate, version, parse, stringify } from 'uuid';
import common from './lib/common.js';

const { bench, tools } = common;
const { int, word } = tools(53);
const names = Array.from({ length: 20000 }, () => `https://example.com/${word()}/${int(0, 1e6)}`);
const seeds = Array.from({ length: 20000 }, () => Uint8Array.from({ length: 16 }, () => int(0, 255)));

bench(() => {
  let h = 0;
  const out = [];
  for (let i = 0; i < names.length; i++) {
    const a = v5(names[i], v5.URL);
    const b = v7({ msecs: 1700000000000 + i, seq: i, random: seeds[i] });
    if (!validate(a) || version(b) !== 7) throw new Error(`bad uuid ${a} ${b}`);
    const back = stringify(parse(a));
    h = (h * 31 + back.charCodeAt(i % 36)) >>> 0;
    if (i % 1000 === 0) out.push(a, b);
  }
  return `${h}\n${out.join('\n')}`;
}, { reps: 10 });
