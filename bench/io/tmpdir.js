// A fresh folder under /tmp for one workload, removed when the process exits.
const fs = require('fs');
const path = require('path');
exports.make = (name) => {
  const dir = fs.mkdtempSync(path.join('/tmp', `moat-bench-${name}-`));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};
