'use strict';
// os.networkInterfaces() refused: the machine's addresses describe its whole network, so under
// the permission model they need --allow-net with no list. A child with --permission and no
// --allow-net, and one with a list of hosts, get ERR_ACCESS_DENIED naming --allow-net (natively
// from the in-process check). Under --safe this run has only such a list and a child is
// sandboxed within it, so the host's `net_interfaces` import refuses too. Node 24 does not check
// os.networkInterfaces() against its permission model (and has no --allow-net), so this
// expectation is moat's own.
const { spawnSync } = require('child_process');

const child = `
try {
  require('os').networkInterfaces();
  console.log('listed');
} catch (e) {
  console.log('->', e.code, e.permission, JSON.stringify(e.resource), e.message);
}
`;
for (const grants of [[], ['--allow-net=127.0.0.1,localhost']]) {
  const r = spawnSync(process.execPath, ['--permission', ...grants, '-e', child], { encoding: 'utf8' });
  process.stdout.write(`${JSON.stringify(grants)} ${r.stdout}`);
  if (r.stderr || r.status !== 0) console.log('stderr:', JSON.stringify(r.stderr), 'status:', r.status);
}
