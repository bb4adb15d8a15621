'use strict';
// new Worker() under the permission model without --allow-worker: ERR_ACCESS_DENIED naming
// the grant, before anything starts. (A child with --permission here; under --safe the child
// is sandboxed with this run's grants, which leave workers out.)
const { spawnSync } = require('child_process');

const child = `
const { Worker } = require('worker_threads');
try {
  new Worker('console.log("ran")', { eval: true });
  console.log('started');
} catch (e) {
  console.log(e.code, e.permission, JSON.stringify(e.resource), e.message);
}
`;
const r = spawnSync(process.execPath, ['--permission', '-e', child], { encoding: 'utf8' });
process.stdout.write(r.stdout);
console.log('status', r.status, JSON.stringify(r.stderr));
