// With --no-experimental-require-module, require() of an ES module fails with Node's
// ERR_REQUIRE_ESM and the advice for each case; a .cjs file with ES module syntax warns before
// its SyntaxError, which V8 words by the token the parser stopped at.
const { spawnSync } = require('child_process');
const path = require('path');
const dir = path.join(__dirname, 'fixtures/esm');
const run = (...args) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: {} });
  const clean = (s) => s.replaceAll(dir, '<dir>').replace(/\(\w+:\d+\)/g, '(pid)');
  return { status: r.status, out: clean(r.stdout), err: clean(r.stderr) };
};
console.log(run('--no-experimental-require-module', `${dir}/requires.cjs`).out);
console.log(run(`${dir}/requires.cjs`).out.split('\n').slice(-2).join(''));
for (const f of ['esm_in_cjs.cjs', 'syntax_error.cjs']) {
  const r = run(`${dir}/${f}`);
  console.log(r.status);
  console.log(r.err.split('\n').filter((l) => /Warning|Error/.test(l)).join('\n'));
}
