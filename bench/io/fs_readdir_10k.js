// readdir of a folder of 10,000 files, as names and as Dirents, ten times each.
const fs = require('fs');
const path = require('path');
const { timeAsync } = require('../core/timer.js');
const dir = require('./tmpdir.js').make('readdir');
for (let i = 0; i < 10000; i++) fs.writeFileSync(path.join(dir, `f${i}.txt`), '');
timeAsync(async () => {
  for (let i = 0; i < 10; i++) {
    const names = await fs.promises.readdir(dir);
    const dirents = fs.readdirSync(dir, { withFileTypes: true });
    if (names.length !== 10000 || !dirents[0].isFile()) throw new Error('wrong listing');
  }
});
