// readline in terminal mode over fake streams: what the line editor writes for typing,
// cursor movement, deletion, wrapping at the output's width, history navigation, the kill
// ring, undo/redo, tab completion and Ctrl-C/Ctrl-D.
const readline = require('readline');
const { EventEmitter } = require('events');

class FakeInput extends EventEmitter {
  resume() {}
  pause() {}
  setRawMode(mode) { console.log('setRawMode', mode); }
}
class FakeOutput extends EventEmitter {
  constructor(columns) { super(); this.text = ''; this.columns = columns; }
  write(s) { this.text += s; return true; }
  take() { const t = this.text; this.text = ''; return JSON.stringify(t); }
}

const input = new FakeInput();
const output = new FakeOutput(10);
const rl = readline.createInterface({ input, output, prompt: '$ ', terminal: true, historySize: 3 });
rl.on('line', (l) => console.log('line', JSON.stringify(l), JSON.stringify(rl.history)));
rl.prompt();
console.log('prompt', output.take());
const steps = [
  ['h'], ['e'], ['l'], ['l'], ['o'], [' '], ['w'], ['o'], ['r'],
  [undefined, { name: 'left' }], [undefined, { name: 'left' }], ['X'], [undefined, { name: 'backspace' }],
  [undefined, { name: 'home' }], [undefined, { name: 'end' }], [undefined, { name: 'a', ctrl: true }],
  [undefined, { name: 'f', meta: true }], [undefined, { name: 'd', meta: true }], [undefined, { name: 'y', ctrl: true }],
  [undefined, { name: 'e', ctrl: true }], [undefined, { name: 'w', ctrl: true }], [undefined, { name: 'delete' }],
  [undefined, { name: 'b', ctrl: true }], [undefined, { name: 'k', ctrl: true }], [undefined, { name: 'u', ctrl: true }],
  [undefined, { sequence: '\x1f' }], [undefined, { sequence: '\x1f' }], [undefined, { sequence: '\x1e' }],
  [undefined, { name: 'return' }],
  ['abc\ndef\r\nghi'], [undefined, { name: 'enter' }],
  [undefined, { name: 'up' }], [undefined, { name: 'up' }], [undefined, { name: 'up' }], [undefined, { name: 'up' }],
  [undefined, { name: 'down' }], [undefined, { name: 'n', ctrl: true }], [undefined, { name: 'p', ctrl: true }],
  [undefined, { name: 'u', ctrl: true }], ['a'], [undefined, { name: 'up' }], [undefined, { name: 'escape' }],
  [undefined, { name: 'l', ctrl: true }], [undefined, { name: 'right', ctrl: true }], ['\t'],
];
for (const [s, key] of steps) {
  rl.write(s, key);
  console.log(JSON.stringify(s ?? key), output.take(), JSON.stringify(rl.line), rl.cursor, JSON.stringify(rl.getCursorPos()));
}
rl.on('SIGINT', () => console.log('SIGINT'));
rl.write(undefined, { name: 'c', ctrl: true });
rl.removeAllListeners('SIGINT');
rl.on('close', () => console.log('close'));
rl.write(undefined, { name: 'd', ctrl: true });
console.log('after ctrl-d with text', rl.closed, JSON.stringify(rl.line));
rl.write(undefined, { name: 'u', ctrl: true });
rl.write(undefined, { name: 'd', ctrl: true });
console.log('closed', rl.closed, 'input keypress listeners', input.listenerCount('keypress'));

// Tab completion: a common prefix is inserted, a second tab lists the choices in columns.
const in2 = new FakeInput();
const out2 = new FakeOutput(40);
const rl2 = readline.createInterface({
  input: in2, output: out2, terminal: true, prompt: '> ',
  completer: (line) => [['alpha', 'alpine', 'beta', 'alphabet'].filter((c) => c.startsWith(line)), line],
});
for (const ch of ['a', '\t', '\t', 'x', '\x7f', '\t', '\x15', '\t', '\t', 'q', '\t', '\t']) {
  in2.emit('data', ch);
  console.log(JSON.stringify(ch), out2.take(), JSON.stringify(rl2.line));
}
rl2.close();

// A completer that calls back, and one that fails.
const in3 = new FakeInput();
const out3 = new FakeOutput();
const rl3 = readline.createInterface({
  input: in3, output: out3, terminal: true, prompt: '',
  completer: (line, cb) => cb(line === 'e' ? new Error('nope') : null, [['xyz'], line]),
});
in3.emit('data', 'x');
in3.emit('data', '\t');
console.log(out3.take(), JSON.stringify(rl3.line));
rl3.write(null, { name: 'u', ctrl: true });
out3.take();
in3.emit('data', 'e');
in3.emit('data', '\t');
console.log(out3.take().replace(/\\n    at [^"]*/g, ''));
rl3.close();
