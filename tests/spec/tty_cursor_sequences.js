'use strict';
// A tty.WriteStream on stdout (a pipe here) writes cursor control as ANSI escape sequences.
const tty = require('tty');

const out = new tty.WriteStream(1);
const show = (label, fn) => {
  let r;
  try {
    r = fn();
  } catch (e) {
    r = `${e.name} ${e.code} ${e.message}`;
  }
  process.stdout.write(`|${label} ${r}\n`);
};
show('cursorTo(2)', () => out.cursorTo(2));
show('cursorTo(2, 5)', () => out.cursorTo(2, 5));
show('cursorTo()', () => out.cursorTo());
show('cursorTo(undefined, 1)', () => out.cursorTo(undefined, 1));
show('cursorTo(NaN)', () => out.cursorTo(NaN));
show('cursorTo(1, NaN)', () => out.cursorTo(1, NaN));
show('moveCursor(3, 0)', () => out.moveCursor(3, 0));
show('moveCursor(-3, 0)', () => out.moveCursor(-3, 0));
show('moveCursor(0, 2)', () => out.moveCursor(0, 2));
show('moveCursor(-1, -2)', () => out.moveCursor(-1, -2));
show('moveCursor(0, 0)', () => out.moveCursor(0, 0));
show('clearLine(-1)', () => out.clearLine(-1));
show('clearLine(1)', () => out.clearLine(1));
show('clearLine(0)', () => out.clearLine(0));
show('clearScreenDown()', () => out.clearScreenDown());
out.cursorTo(0, 0, () => process.stdout.write('|callback\n'));
