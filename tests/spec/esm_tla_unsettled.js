// An ES module entry whose top-level await can never finish ends with exit code 13 when the
// loop runs out of work (after a warning on stderr), unless the program set its own code;
// 'exit' listeners see the code.
const { spawnSync } = require('child_process');
const path = require('path');
const dir = path.join(__dirname, 'fixtures/esm');
for (const [name, src] of [
  ['unsettled', 'process.on("exit", (c) => console.log("exit", c)); await new Promise(() => {});'],
  ['own code', 'process.exitCode = 42; await new Promise(() => {});'],
  ['settled', 'await new Promise((r) => setTimeout(r, 5)); console.log("done");'],
]) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', src], { cwd: dir, encoding: 'utf8' });
  console.log(name, r.status, JSON.stringify(r.stdout), r.stderr.startsWith('Warning: Detected unsettled top-level await at '));
}
const quiet = spawnSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', 'await new Promise(() => {});'], { encoding: 'utf8' });
console.log('--no-warnings', quiet.status, JSON.stringify(quiet.stderr));
