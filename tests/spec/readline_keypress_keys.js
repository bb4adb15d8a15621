// readline.emitKeypressEvents: the key objects Node decodes from terminal input, including
// escape sequences split across chunks, modifiers, a lone ESC after the escape timeout, and
// UTF-8 split between chunks; decoding stops while nobody listens.
const readline = require('readline');
const { EventEmitter } = require('events');

const sequences = [
  'a', 'A', '1', 'é', '!', '😀', ' ', '\r', '\n', '\t', '\b', '\x7f', '\x00', '\x01', '\x1a', '\x1c',
  '\x1bb', '\x1bB', '\x1b\r', '\x1b\x7f', '\x1b ', '\x1b\x01', '\x1b;', '\x1b]', '\x1b\x1b\x1b', '\x1b\x1b[A',
  '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[E', '\x1b[F', '\x1b[H', '\x1bOA', '\x1bOH', '\x1bO2A', '\x1bO5A',
  '\x1b[1;5C', '\x1b[1;2A', '\x1b[1;3D', '\x1b[1;9D', '\x1b[2A', '\x1b[[A', '\x1b[[E', '\x1b[1~', '\x1b[3~',
  '\x1b[3;5~', '\x1b[5~', '\x1b[[5~', '\x1b[7~', '\x1b[8~', '\x1b[15~', '\x1b[24~', '\x1b[11~', '\x1b[12;5~',
  '\x1b[200~', '\x1b[201~', '\x1b[123~', '\x1b[a', '\x1b[7$', '\x1b[3$', '\x1bOa', '\x1b[2^', '\x1b[Z',
  '\x1b[P', '\x1b[8P', '\x1bOP', '\x1bOZ', '\x1b[x', '\x1b[;A', '\x1b[1;12A', 'ab\x1b[Ac', '\x1b[1;5',
];
for (const s of sequences) {
  const stream = new EventEmitter();
  readline.emitKeypressEvents(stream);
  const got = [];
  stream.on('keypress', (seq, key) => got.push([seq === undefined ? 'undefined' : seq, key, Object.keys(key).join()]));
  stream.emit('data', s);
  console.log(JSON.stringify(s), JSON.stringify(got));
}

const stream = new EventEmitter();
const iface = { escapeCodeTimeout: 20 };
readline.emitKeypressEvents(stream, iface);
readline.emitKeypressEvents(stream, iface);
const log = (seq, key) => console.log('key', JSON.stringify(seq), JSON.stringify(key));
stream.on('keypress', log);
stream.emit('data', '\x1b');
stream.emit('data', '[B');
stream.emit('data', Buffer.from([0xc3]));
stream.emit('data', Buffer.from([0xa9]));
console.log('isCompletionEnabled', iface.isCompletionEnabled);
stream.emit('data', 'x\t');
console.log('isCompletionEnabled', iface.isCompletionEnabled);
stream.emit('data', '\tx');
console.log('isCompletionEnabled', iface.isCompletionEnabled);
stream.removeListener('keypress', log);
stream.emit('data', 'ignored');
console.log('data listeners', stream.listenerCount('data'));
stream.on('keypress', log);
console.log('data listeners', stream.listenerCount('data'));
stream.emit('data', '\x1b');
setTimeout(() => {
  console.log('after the escape timeout');
  stream.removeListener('keypress', log);
}, 100);
