// attack: observe a directory and a file outside (fs.watch, fs.promises.watch, fs.watchFile)
// denied: ERR_ACCESS_DENIED FileSystemRead ERR_ACCESS_DENIED FileSystemRead ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: watching watching watching
const fs = require('fs');
const root = process.argv[2];
const outside = `${root}/outside`;
const out = [];
const ac = new AbortController();
const attempts = [
  () => fs.watch(outside),
  () => fs.promises.watch(outside, { signal: ac.signal })[Symbol.asyncIterator](),
  () => fs.watchFile(`${outside}/secret.txt`, { interval: 10 }, () => {}),
];
(async () => {
  for (const attempt of attempts) {
    try {
      const w = attempt();
      if (typeof w.next === 'function') {
        // The promise form reports a denial from its first wait.
        const first = w.next();
        const r = await Promise.race([first, new Promise((res) => setTimeout(res, 50, 'waiting'))]);
        ac.abort();
        await first.catch(() => {});
        if (r !== 'waiting') throw new Error('ended');
      } else if (typeof w.close === 'function') {
        w.close();
      }
      out.push('watching');
    } catch (e) {
      out.push(e.code, e.permission);
    }
  }
  fs.unwatchFile(`${outside}/secret.txt`);
  console.log(out.join(' '));
})();
