'use strict';
// DNS queries under the permission model: a resolve is checked against --allow-net by the name
// it asks about (a reverse lookup by its address), so with --allow-net=127.0.0.1,allowed.test a
// child resolves allowed.test through a local name server but is refused denied.test and a
// reverse lookup of 10.0.0.9 with ERR_ACCESS_DENIED, before any query is sent. Under --safe the
// child is sandboxed with this run's grants, the same list. Node 24 has no --allow-net, so this
// expectation is moat's own.
const { spawnSync } = require('child_process');

const child = `
const dgram = require('dgram');
const dns = require('dns');
let questions = 0;
const server = dgram.createSocket('udp4');
server.on('message', (msg, rinfo) => {
  questions++;
  let end = 12;
  while (msg[end] !== 0) end += msg[end] + 1;
  end += 5;
  const answer = Buffer.from([0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 10, 9, 8, 7]);
  const header = Buffer.from([msg[0], msg[1], 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0]);
  server.send(Buffer.concat([header, msg.subarray(12, end), answer]), rinfo.port, rinfo.address);
});
server.bind(0, '127.0.0.1', async () => {
  const r = new dns.promises.Resolver();
  r.setServers(['127.0.0.1:' + server.address().port]);
  console.log('allowed', JSON.stringify(await r.resolve4('allowed.test', { ttl: true })));
  for (const [what, f] of [
    ['resolve4', () => r.resolve4('denied.test')],
    ['resolveTxt', () => r.resolveTxt('denied.test')],
    ['reverse', () => r.reverse('10.0.0.9')],
  ]) {
    await f().then((x) => console.log(what, 'answered', x), (e) => console.log(what, '->', e.code, e.permission, JSON.stringify(e.resource)));
  }
  const c = new dns.Resolver();
  c.setServers(['127.0.0.1:' + server.address().port]);
  try {
    c.resolveMx('denied.test', () => console.log('callback called'));
  } catch (e) {
    console.log('callback resolveMx ->', e.code);
  }
  console.log('questions', questions);
  server.close();
});
`;
const grants = '--allow-net=127.0.0.1,allowed.test';
const r = spawnSync(process.execPath, ['--permission', grants, '-e', child], { encoding: 'utf8' });
process.stdout.write(r.stdout);
console.log('stderr:', JSON.stringify(r.stderr), 'status:', r.status);
