// A 256 MB file copied through createReadStream and createWriteStream with pipeline().
const fs = require('fs');
const path = require('path');
const { pipeline } = require('stream/promises');
const { timeAsync } = require('../core/timer.js');
const dir = require('./tmpdir.js').make('streamcopy');
const src = path.join(dir, 'src');
fs.writeFileSync(src, Buffer.alloc(256 * 1024 * 1024, 'y'));
timeAsync(async () => {
  const dst = path.join(dir, 'dst');
  await pipeline(fs.createReadStream(src), fs.createWriteStream(dst));
  if (fs.statSync(dst).size !== 256 * 1024 * 1024) throw new Error('short copy');
});
