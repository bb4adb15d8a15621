// Importing a package whose main needs CommonJS's lookups (no main, or one without its
// extension) works, with Node's DEP0151 deprecation warning; require() has no warning.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
const dir = path.join(import.meta.dirname, 'fixtures/legacy_main');
for (const entry of ['app.mjs', 'app.cjs']) {
  const r = spawnSync(process.execPath, [entry], { cwd: dir, encoding: 'utf8' });
  const warnings = r.stderr.split('\n').filter((l) => l.includes('DeprecationWarning'))
    .map((l) => l.replace(/^\(\w+:\d+\) /, '').replaceAll(dir, '<dir>'));
  console.log(entry, r.status, JSON.stringify(r.stdout), warnings);
}
