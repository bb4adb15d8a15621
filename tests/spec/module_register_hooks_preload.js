// Hooks registered by a preloaded module (-r, --import) see the entry point and everything it
// loads, ES module or CommonJS.
const { spawnSync } = require('child_process');
const path = require('path');

const dir = path.join(__dirname, 'fixtures', 'module_hooks');
for (const args of [['-r', './register.cjs', 'main.mjs'], ['--import', './register.cjs', 'main.cjs']]) {
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  console.log(args.join(' '), r.status);
  console.log(r.stdout + r.stderr);
}
