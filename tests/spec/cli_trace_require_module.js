// --trace-require-module=all warns for each require() of an ES module; =no-node-modules only
// for requires from outside node_modules; another value is refused with exit code 9.
const { spawnSync } = require('child_process');
const path = require('path');
const main = path.join(__dirname, 'fixtures/trace_require/main.js');
for (const which of ['all', 'no-node-modules', 'bad']) {
  const r = spawnSync(process.execPath, [`--trace-require-module=${which}`, main], { encoding: 'utf8' });
  const warnings = r.stderr.split('\n').filter((l) => l.includes('ExperimentalWarning'))
    .map((l) => l.replace(/^\(node:\d+\) /, '').replaceAll(__dirname, '<dir>'));
  console.log(which, r.status, r.stdout.trim(), warnings, r.stderr.includes('invalid value for --trace-require-module'));
}
