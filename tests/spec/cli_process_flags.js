// Flags for the process: --title sets process.title, --expose-gc gives a global gc(),
// --disable-warning silences a warning by code or type, --no-deprecation and --no-warnings,
// --pending-deprecation turns on DEP0104, and a bad --unhandled-rejections mode exits 9.
const { spawnSync } = require('child_process');
const run = (flags, code) => {
  const r = spawnSync(process.execPath, [...flags, '-e', code], { encoding: 'utf8' });
  const warnings = r.stderr.split('\n').filter((l) => /Warning/.test(l)).map((l) => l.replace(/^\(node:\d+\) /, ''));
  return `${r.status} ${JSON.stringify(r.stdout)} ${JSON.stringify(warnings)}`;
};
console.log('title', run(['--title=custom-title'], 'console.log(process.title)'));
console.log('gc off', run([], 'console.log(typeof gc)'));
console.log('gc on', run(['--expose-gc'], 'console.log(typeof gc, gc())'));
const warn = "process.emitWarning('dep', 'DeprecationWarning', 'DEP0001'); process.emitWarning('exp', 'ExperimentalWarning'); process.emitWarning('plain')";
console.log('all', run([], warn));
console.log('by code', run(['--disable-warning=DEP0001'], warn));
console.log('by type', run(['--disable-warning=ExperimentalWarning'], warn));
console.log('no-deprecation', run(['--no-deprecation'], warn));
console.log('no-warnings', run(['--no-warnings'], warn));
console.log('pending', run(['--pending-deprecation'], 'process.env.X = undefined; console.log(process.env.X)'));
console.log('not pending', run([], 'process.env.X = undefined; console.log(process.env.X)'));
const bad = spawnSync(process.execPath, ['--unhandled-rejections=sometimes', '-e', '1'], { encoding: 'utf8' });
console.log('bad mode', bad.status, bad.stderr.includes('invalid value for --unhandled-rejections'));
