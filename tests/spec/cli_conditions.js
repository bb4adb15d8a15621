// --conditions (-C) adds a condition that packages' `exports` match, for require and import
// alike; the first listed in the package that applies wins. It stays in process.execArgv
// (where a child of a sandboxed run also finds the grants it was confined to).
const { execFileSync } = require('child_process');
if (process.argv[2] === 'child') {
  import('conditional').then((m) => {
    console.log(require('conditional'), m.default, process.execArgv.filter((f) => !f.startsWith('--allow-')).join(' '));
  });
} else {
  for (const flags of [[], ['--conditions=custom'], ['-C', 'other'], ['-C', 'other', '--conditions', 'custom']]) {
    console.log(execFileSync(process.execPath, [...flags, __filename, 'child'], { encoding: 'utf8' }).trim());
  }
}
