// --no-deprecation, --throw-deprecation and --trace-deprecation set process.noDeprecation,
// throwDeprecation and traceDeprecation, and only they do; --throw-deprecation makes a
// deprecation warning an exception.
const { spawnSync } = require('child_process');
const code = `
console.log([process.noDeprecation, process.throwDeprecation, process.traceDeprecation]);
const f = require('util').deprecate(() => 'ran', 'f is old', 'DEP_X');
try { console.log(f()); } catch (e) { console.log('threw', e.name, e.code, e.message); }
`;
for (const flags of [[], ['--no-deprecation'], ['--throw-deprecation'], ['--trace-deprecation', '--no-deprecation']]) {
  const r = spawnSync(process.execPath, [...flags, '-e', code], { encoding: 'utf8' });
  console.log(flags.join(' ') || '(none)', r.status);
  process.stdout.write(r.stdout);
}
