// readline over a non-terminal input: lines split across chunks at \n, \r\n, a lone \r and
// the Unicode separators; a \r\n split between chunks is one line end; the last line without
// a newline arrives at 'end'; question() answers and restores the prompt; close order.
const readline = require('readline');
const { EventEmitter } = require('events');

function fakeInput() {
  const input = new EventEmitter();
  input.resume = () => console.log('input.resume');
  input.pause = () => console.log('input.pause');
  return input;
}
const output = { write(s) { console.log('out', JSON.stringify(s)); return true; } };

const input = fakeInput();
const rl = readline.createInterface({ input, output, crlfDelay: Infinity });
console.log('terminal', rl.terminal, 'crlfDelay', rl.crlfDelay, 'historySize', rl.historySize,
  'prompt', JSON.stringify(rl.getPrompt()), 'line', JSON.stringify(rl.line), 'cursor', rl.cursor);
for (const ev of ['line', 'close', 'pause', 'resume', 'history']) {
  rl.on(ev, (v) => console.log('event', ev, JSON.stringify(v)));
}
rl.question('name? ', (answer) => console.log('answer', JSON.stringify(answer), JSON.stringify(rl.getPrompt())));
input.emit('data', 'ab');
input.emit('data', Buffer.from('c\xe2', 'latin1'));
input.emit('data', Buffer.from([0x82, 0xac, 0x0d]));
input.emit('data', '\nd\re\n\nf\r\ng\u2028h\u2029i');
input.emit('data', '\r');
input.emit('data', '\n');
input.emit('data', 'tail');
rl.setPrompt('$ ');
rl.prompt();
rl.write('written\n');
input.emit('end');
console.log('closed', rl.closed);
for (const f of [() => rl.question('again', () => {}), () => rl.write('x'), () => rl.prompt(), () => rl.pause()]) {
  try { f(); } catch (e) { console.log(e.name, e.code, e.message); }
}
rl.close();

// Without crlfDelay the default is 100 ms; a small one is raised to it.
const rl2 = readline.createInterface({ input: fakeInput(), crlfDelay: 5 });
console.log('crlfDelay', rl2.crlfDelay);
rl2.close();

// Arguments are checked.
for (const options of [{ historySize: -1 }, { historySize: 'x' }, { completer: 5 }, { tabSize: 0 },
  { escapeCodeTimeout: 'x' }, { history: 'x' }, { signal: {} }]) {
  try {
    readline.createInterface({ input: fakeInput(), ...options });
    console.log('accepted', Object.keys(options)[0]);
  } catch (e) {
    console.log(Object.keys(options)[0], e.name, e.code);
  }
}

// The positional form, and a signal that aborts: the interface closes.
const ac = new AbortController();
const rl3 = new readline.Interface(fakeInput(), null, undefined, false);
const rl4 = readline.createInterface({ input: fakeInput(), signal: ac.signal });
rl4.on('close', () => console.log('rl4 closed by abort'));
ac.abort();
rl3.close();
console.log(typeof readline.Interface, readline.Interface.name, Object.keys(readline).join(','));
