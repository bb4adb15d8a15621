// fs.readSync / fs.writeSync validate offset, length and position as Node does; nothing past
// the buffer's end is ever read or written.
const fs = require('fs');
const fd = fs.openSync(__filename, 'r');
function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.code, e.message);
  }
}
const buf = Buffer.alloc(8);
attempt('offset past end', () => fs.readSync(fd, buf, 10, 5));
attempt('length past end', () => fs.readSync(fd, buf, 0, 20));
attempt('offset + length past end', () => fs.readSync(fd, buf, 6, 4, 0));
attempt('huge length', () => fs.readSync(fd, buf, 0, 2 ** 31 - 1, 0));
attempt('negative offset', () => fs.readSync(fd, buf, -1, 2));
attempt('negative length', () => fs.readSync(fd, buf, 2, -1));
attempt('fractional offset', () => fs.readSync(fd, buf, 1.5, 2));
attempt('string offset', () => fs.readSync(fd, buf, '1', 2));
attempt('bad position', () => fs.readSync(fd, buf, 0, 2, -2));
attempt('fractional position', () => fs.readSync(fd, buf, 0, 2, 1.5));
attempt('string position', () => fs.readSync(fd, buf, 0, 2, '1'));
attempt('bigint position', () => fs.readSync(fd, buf, 0, 2, 2n ** 70n));
attempt('not a buffer', () => fs.readSync(fd, {}));
attempt('zero length', () => fs.readSync(fd, buf, 0, 0));
attempt('in range', () => fs.readSync(fd, buf, 2, 6, 3));
console.log(buf.toString('latin1', 2));
attempt('options object', () => fs.readSync(fd, buf, { offset: 1, length: 2, position: 0 }));
console.log(buf.toString('latin1', 1, 3));
const out = Buffer.from('abcdef\n');
attempt('write offset past end', () => fs.writeSync(1, out, 10));
attempt('write length past end', () => fs.writeSync(1, out, 1, 10));
attempt('write negative length', () => fs.writeSync(1, out, 0, -1));
attempt('write fractional length', () => fs.writeSync(1, out, 0, 1.5));
attempt('write not a buffer', () => fs.writeSync(1, {}));
attempt('write in range', () => fs.writeSync(1, out, 3, 4));
// An anonymous function is named as Node names it: "function " with nothing after the space.
attempt('anonymous function', () => fs.readSync(fd, (0, function () {})));
fs.closeSync(fd);
