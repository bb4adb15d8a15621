// fs.watch reports what the OS saw, in order: for a directory each entry's creation, change and
// removal ('rename' / 'change' with its name); recursively, with paths under the root, new
// folders included; for a file, its own name. Names come in the chosen encoding; a watcher that
// is not persistent (or unref'ed) keeps nothing alive; watchFile sees a change made before its
// first poll; fs.promises.watch ends with an error when more events wait than maxQueue allows
// and overflow is 'error'.
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'moat-fs-watch-events-')));
const wait = (ms) => new Promise((r) => setTimeout(r, ms));

async function record(label, target, options, act, only) {
  const seen = [];
  const w = fs.watch(target, options, (type, name) => seen.push(`${type} ${Buffer.isBuffer(name) ? `<Buffer ${name}>` : name}`));
  await wait(20);
  await act();
  await wait(100);
  const closed = new Promise((r) => w.once('close', r));
  w.close();
  await closed;
  // Where the events beside these depend on timing, only whether these came is told. The
  // kernel merges a repeat of an event not read yet, so whether one shows twice is timing too.
  const merged = seen.filter((e, i) => e !== seen[i - 1]);
  console.log(label, JSON.stringify(only ? only.map((e) => `${e} ${seen.includes(e)}`) : merged));
}

(async () => {
  const dir = path.join(root, 'flat');
  fs.mkdirSync(dir);
  await record('dir', dir, {}, () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'one');
    fs.appendFileSync(path.join(dir, 'a.txt'), 'two');
    fs.renameSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'deep.txt'), 'not reported without recursive');
    fs.unlinkSync(path.join(dir, 'b.txt'));
  });

  const tree = path.join(root, 'tree');
  fs.mkdirSync(path.join(tree, 'old'), { recursive: true });
  await record('recursive', tree, { recursive: true }, async () => {
    fs.writeFileSync(path.join(tree, 'old', 'x.txt'), 'x');
    fs.mkdirSync(path.join(tree, 'new'));
    await wait(50);
    fs.writeFileSync(path.join(tree, 'new', 'y.txt'), 'y');
  }, ['rename old/x.txt', 'rename new', 'rename new/y.txt']);

  const file = path.join(root, 'file.txt');
  fs.writeFileSync(file, 'start');
  await record('file', file, { encoding: 'buffer' }, () => {
    fs.writeFileSync(file, 'changed');
  });
  await record('file hex', file, { encoding: 'hex' }, () => fs.chmodSync(file, 0o600));

  for (const bad of [{ recursive: 1 }, { persistent: 'yes' }, { encoding: 'nope' }]) {
    try { fs.watch(root, bad).close(); console.log('accepted', JSON.stringify(bad)); } catch (e) { console.log('invalid', e.code); }
  }
  const it = fs.promises.watch(root, { maxQueue: 2, overflow: 'error' });
  const first = it.next();
  await wait(20);
  for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(root, `q${i}`), 'q');
  await wait(100);
  console.log('first', JSON.stringify((await first).value));
  try { await it.next(); } catch (e) { console.log('overflow', e.code, e.message); }
  console.log('after', JSON.stringify(await it.next()));
  for (const bad of [{ maxQueue: 'many' }, { overflow: 'throw' }]) {
    try { await fs.promises.watch(root, bad).next(); } catch (e) { console.log('invalid', e.code); }
  }

  // watchFile compares with the file as it was when the watch began, from the first poll on.
  await new Promise((resolve) => {
    const early = path.join(root, 'early.txt');
    fs.writeFileSync(early, 'a');
    fs.watchFile(early, { interval: 150 }, (curr, prev) => {
      console.log('watchFile before its first poll', prev.size, '->', curr.size);
      fs.unwatchFile(early);
      resolve();
    });
    setTimeout(() => fs.writeFileSync(early, 'abc'), 20);
  });

  fs.watch(root, { persistent: false });
  fs.watch(root).unref();
  fs.rmSync(root, { recursive: true });
  console.log('done');
})();
