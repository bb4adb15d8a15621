// fs.watch, fs.promises.watch and fs.watchFile see a file appear, a file go and a file change,
// inside a directory of the program's own; watching a missing path fails with Node's error.
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'moat-fs-watch-')));
const file = path.join(root, 'watched.txt');
fs.writeFileSync(file, 'one');

try { fs.watch(path.join(root, 'missing')); } catch (e) { console.log('missing', e.code, e.syscall, e.message.split(root).join('<tmp>')); }

function step(label, fn, done) {
  const seen = new Set();
  const w = fs.watch(root, (event, name) => {
    if (seen.has(`${event}:${name}`)) return;
    seen.add(`${event}:${name}`);
    if (name === label && event === 'rename') {
      console.log('watch', event, name);
      w.close();
      done();
    }
  });
  setTimeout(fn, 50);
}

step('new.txt', () => fs.writeFileSync(path.join(root, 'new.txt'), 'x'), () =>
  step('new.txt', () => fs.unlinkSync(path.join(root, 'new.txt')), () => {
    fs.watchFile(file, { interval: 20 }, (curr, prev) => {
      console.log('watchFile', prev.size, '->', curr.size, curr.mtimeMs >= prev.mtimeMs);
      fs.unwatchFile(file);
      (async () => {
        const ac = new AbortController();
        setTimeout(() => fs.writeFileSync(path.join(root, 'late.txt'), 'z'), 50);
        try {
          for await (const { eventType, filename } of fs.promises.watch(root, { signal: ac.signal })) {
            if (filename === 'late.txt') { console.log('promises.watch', eventType, filename); ac.abort(); }
          }
        } catch (e) {
          console.log('aborted', e.name);
        }
        fs.rmSync(root, { recursive: true });
      })();
    });
    setTimeout(() => fs.writeFileSync(file, 'three'), 50);
  }));
