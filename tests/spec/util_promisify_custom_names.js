// The promise forms Node's callback APIs bring with them carry those APIs' names, and resolve
// with the named results (`{ bytesRead, buffer }`, `{ stdout, stderr }`).
const util = require('util');
const fs = require('fs');
const cp = require('child_process');
const path = require('path');

for (const name of ['exists', 'read', 'write', 'readv', 'writev']) {
  console.log(name, util.promisify(fs[name]).name);
}
console.log('exec', util.promisify(cp.exec).name, 'execFile', util.promisify(cp.execFile).name);

(async () => {
  console.log('exists', await util.promisify(fs.exists)(__filename),
    await util.promisify(fs.exists)(path.join(__dirname, 'no-such-file')));
  const fd = fs.openSync(__filename, 'r');
  const { bytesRead, buffer } = await util.promisify(fs.read)(fd, Buffer.alloc(2), 0, 2, 0);
  console.log('read', bytesRead, buffer.toString());
  const r = await util.promisify(fs.readv)(fd, [Buffer.alloc(3)], 3);
  console.log('readv', Object.keys(r), r.bytesRead, r.buffers[0].toString());
  fs.closeSync(fd);
})();
