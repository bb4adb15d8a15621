// --check compiles the entry without running it: a file that fails as CommonJS passes when it
// parses as an ES module; a syntax error is reported with its line and exits 1; --check and
// --eval together are refused (exit 9).
const { spawnSync } = require('child_process');
const path = require('path');
const dir = path.join(__dirname, 'fixtures/check');
for (const args of [['ok.js'], ['bad.js'], ['esm_syntax.js'], ['bad.mjs'], ['-c', 'ok.js']]) {
  const argv = args[0] === '-c' ? args : ['--check', ...args];
  const r = spawnSync(process.execPath, argv, { cwd: dir, encoding: 'utf8' });
  const errLine = r.stderr.split('\n').find((l) => l.startsWith('SyntaxError')) ?? '';
  console.log(args.join(' '), r.status, JSON.stringify(r.stdout), errLine);
}
const both = spawnSync(process.execPath, ['--check', '-e', '1'], { encoding: 'utf8' });
console.log(both.status, both.stderr.includes('either --check or --eval can be used, not both'));
const piped = spawnSync(process.execPath, ['--check'], { input: 'var x = 1;\n', encoding: 'utf8' });
console.log('stdin', piped.status, JSON.stringify(piped.stdout));
