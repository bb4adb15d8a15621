// readFile then writeFile of a 256 MB file.
const fs = require('fs');
const path = require('path');
const { timeAsync } = require('../core/timer.js');
const dir = require('./tmpdir.js').make('readfile');
const src = path.join(dir, 'src');
fs.writeFileSync(src, Buffer.alloc(256 * 1024 * 1024, 'x'));
timeAsync(async () => {
  const data = await fs.promises.readFile(src);
  if (data.length !== 256 * 1024 * 1024) throw new Error('short read');
  await fs.promises.writeFile(path.join(dir, 'dst'), data);
});
