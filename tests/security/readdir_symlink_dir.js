// attack: list a directory outside through symbolic links in granted directories that lead there
// denied: denied ERR_ACCESS_DENIED FileSystemRead
// flags: --allow-fs-read={writable}
// grant: --allow-fs-read={outside}
// allowed: listed dir,mod.js,mod.mjs,secret.txt
const fs = require('fs');
const root = process.argv[2];
const attempts = [
  () => fs.readdirSync(`${__dirname}/linkdir`),
  () => fs.readdirSync(`${__dirname}/linkdir/`, { withFileTypes: true }).map((d) => d.name),
  () => fs.readdirSync(`${__dirname}/linkdir/dir/..`),
  () => fs.promises.readdir(`${root}/writable/escape`),
  () => new Promise((resolve, reject) => fs.readdir(`${__dirname}/linkdir`, (e, names) => (e ? reject(e) : resolve(names)))),
  () => {
    const d = fs.opendirSync(`${__dirname}/linkdir`);
    const names = [];
    for (let e; (e = d.readSync()) !== null;) names.push(e.name);
    d.closeSync();
    return names;
  },
];
(async () => {
  const outcomes = new Set();
  for (const attempt of attempts) {
    try {
      outcomes.add(`listed ${(await attempt()).sort().join(',')}`);
    } catch (e) {
      outcomes.add(`denied ${e.code} ${e.permission}`);
    }
  }
  console.log([...outcomes].join(' | '));
})();
