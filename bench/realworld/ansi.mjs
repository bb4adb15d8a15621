// chalk colours 50,000 log lines (nested styles, truecolor, 256 colours), then strip-ansi
// takes the codes out again, as a CLI's logger and its tests do.
import { Chalk } from 'chalk';
import stripAnsi from 'strip-ansi';
import common from './lib/common.js';

const { bench, tools } = common;
const { int, word, words } = tools(41);
const chalk = new Chalk({ level: 3 });
const levels = [chalk.gray, chalk.blue, chalk.yellow.bold, chalk.red.bold.underline, chalk.bgRed.white];
const lines = Array.from({ length: 50000 }, (_unused, i) => ({ i, level: int(0, 4), mod: word(), msg: words(int(3, 12)), ms: int(0, 999), color: [int(0, 255), int(0, 255), int(0, 255)] }));

bench(() => {
  const out = [];
  let visible = 0;
  for (const l of lines) {
    const s = `${chalk.dim(`#${l.i}`)} ${levels[l.level](["trace", "info", "warn", "error", "fatal"][l.level])} ${chalk.rgb(...l.color)(`[${l.mod}]`)} ${chalk.ansi256(l.ms % 256)(l.msg)} ${chalk.green(`${l.ms}ms`)}`;
    const plain = stripAnsi(s);
    visible += plain.length;
    if (l.i % 500 === 0) out.push(s, plain);
  }
  return `${visible}\n${out.join('\n')}`;
}, { reps: 10 });
