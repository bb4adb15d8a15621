'use strict';
// os.networkInterfaces(): the loopback interface as Node lists it, every entry in Node's shape,
// the same list on every call and with arguments it does not take. The machine's addresses
// describe its whole network, so under the permission model they need --allow-net with no list
// (os_network_interfaces_denied.js has the refusals): a child given --permission --allow-net gets
// them. Under --safe this run has --allow-net and the host answers through its checked
// `net_interfaces` import. Node 24 has no --allow-net, so the child's line is moat's own
// expectation.
const os = require('os');
const { spawnSync } = require('child_process');

const all = os.networkInterfaces();
console.log('lo', JSON.stringify(all.lo.find((a) => a.family === 'IPv4')));
const base = 'address,netmask,family,mac,internal,cidr';
let shapes = true;
for (const list of Object.values(all)) {
  for (const a of list) {
    const want = a.family === 'IPv6' ? `${base},scopeid` : base;
    const [ip, bits] = a.cidr.split('/');
    if (Object.keys(a).join(',') !== want || ip !== a.address || !(Number(bits) >= 0)) shapes = false;
  }
}
console.log('shapes', shapes);
console.log('same again', JSON.stringify(os.networkInterfaces()) === JSON.stringify(all));
console.log('arguments ignored', JSON.stringify(os.networkInterfaces('lo', 1)) === JSON.stringify(all));

const child = `
try {
  const lo = require('os').networkInterfaces().lo;
  console.log('listed', lo.some((a) => a.address === '127.0.0.1'));
} catch (e) {
  console.log('->', e.code, e.permission, JSON.stringify(e.resource), e.message);
}
`;
for (const grants of [['--allow-net']]) {
  const r = spawnSync(process.execPath, ['--permission', ...grants, '-e', child], { encoding: 'utf8' });
  process.stdout.write(`${JSON.stringify(grants)} ${r.stdout}`);
  if (r.stderr || r.status !== 0) console.log('stderr:', JSON.stringify(r.stderr), 'status:', r.status);
}
