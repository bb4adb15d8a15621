'use strict';
// Without a terminal (the spec runner pipes stdout and closes stdin): what node:tty and the
// stdio streams say, and the errors of tty's constructors.
const tty = require('tty');

console.log('isatty', [0, 1, 2].map((fd) => tty.isatty(fd)));
for (const v of [-1, 1.5, '1', null, undefined, 2 ** 31, 99]) console.log('isatty', String(v), tty.isatty(v));
console.log('stdout.isTTY', process.stdout.isTTY, 'stderr.isTTY', process.stderr.isTTY);
console.log('stdin.isTTY', process.stdin.isTTY);
console.log('stdout instanceof tty.WriteStream', process.stdout instanceof tty.WriteStream);
console.log('stdin instanceof tty.ReadStream', process.stdin instanceof tty.ReadStream);
console.log('stdout.getColorDepth', typeof process.stdout.getColorDepth);
console.log('stdout.hasColors', typeof process.stdout.hasColors);
console.log('stdin.setRawMode', typeof process.stdin.setRawMode);
console.log('stdout.columns', process.stdout.columns);
console.log('SIGWINCH listeners', process.listenerCount('SIGWINCH'));

for (const fd of [-1, 1.5, '1', 2 ** 32]) {
  for (const Stream of [tty.WriteStream, tty.ReadStream]) {
    try {
      new Stream(fd);
    } catch (e) {
      console.log(Stream.name, String(fd), e.name, e.code, e.message);
    }
  }
}
try {
  new tty.WriteStream(99);
} catch (e) {
  console.log('WriteStream 99', e.name, e.code, e.message, e.info);
}
console.log(Object.keys(tty).sort());
console.log(typeof tty.WriteStream.prototype.cursorTo, typeof tty.ReadStream.prototype.setRawMode);
console.log(tty.WriteStream.prototype.isTTY);
