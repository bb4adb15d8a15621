const cp = require('child_process');
const run = (...args) => {
  const r = cp.spawnSync(process.execPath, args, { encoding: 'utf8' });
  const line = r.stderr.split('\n').find((l) => /^\w*Error|bad option|requires/.test(l));
  return [r.status, r.stdout.trim(), line && line.replace(process.execPath, 'EXEC')];
};
console.log(run('-e', 'console.log(1 + 1)'));
console.log(run('-p', '[1, "two", { three: 3 }]'));
console.log(run('-p', '"a string"'));
console.log(run('--input-type=module', '-e', 'import os from "os"; console.log(typeof os.cpus)'));
console.log(run('-e', 'throw new Error("from eval")'));
console.log(run('--no-such-flag'));
console.log(run('-e'));
console.log(run('-p', 'process.argv.slice(1)', 'x', 'y'));
console.log(run('-v')[1].startsWith('v24.'));
