// Code given with -e or -p sees each public built-in module as a global of its name, loaded
// on first use; an assignment replaces it, and `module` stays the eval's own module.
const { spawnSync } = require('child_process');
const code = [
  'typeof fs.readFileSync', 'typeof crypto.createHash', 'module.id', 'typeof path.join',
  'Object.getOwnPropertyDescriptor(globalThis, "zlib").enumerable', '(util = 5, util)',
  'typeof stream', 'Object.keys(globalThis).includes("os")',
].join(', ');
const r = spawnSync(process.execPath, ['-p', `[${code}]`], { encoding: 'utf8' });
console.log(r.status, r.stdout.trim().replace(/\s+/g, ' '));
const e = spawnSync(process.execPath, ['-e', 'os.userInfo({ get encoding() { throw new Error("xyz"); } })'], { encoding: 'utf8' });
console.log(e.status, e.stderr.includes('Error: xyz'));
