// A stream's construct callback finishes construction on the next tick, and what was written
// meanwhile goes out then, before ticks queued after the callback: a write made in a file
// stream's 'open' listener comes before one made on the following tick.
const { Writable } = require('stream');
const fs = require('fs');
const os = require('os');
const path = require('path');

const log = [];
const w = new Writable({
  construct(cb) {
    setTimeout(() => {
      cb();
      log.push('after cb');
      process.nextTick(() => log.push('tick A'));
      w.write('hello');
      process.nextTick(() => { log.push('tick B'); w.write('world'); w.end(); });
    }, 10);
  },
  write(chunk, enc, cb) { log.push(`write ${chunk}`); setTimeout(cb, 1); },
});
w.on('finish', () => {
  console.log(log.join(', '));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-construct-'));
  const file = path.join(dir, 'out.txt');
  const ws = fs.createWriteStream(file);
  ws.on('open', () => {
    ws.write('hello');
    process.nextTick(() => { ws.write('world'); ws.end(); });
  });
  ws.on('close', () => {
    console.log(fs.readFileSync(file, 'utf8'));
    fs.rmSync(dir, { recursive: true });
  });
});
