'use strict';
// dns.Resolver and dns.promises.Resolver against a name server on a local UDP socket: the
// queries really go to the servers set with setServers, and the answers come back in Node's
// shapes (A/AAAA with and without ttl, MX, TXT, SRV, NS, CNAME, PTR via reverse, SOA, CAA,
// NAPTR, ANY), with NXDOMAIN as ENOTFOUND and an empty answer as ENODATA.
const dgram = require('dgram');
const dns = require('dns');

// A small DNS message writer and question reader for the test server.
function name(n) {
  const parts = n.split('.').filter(Boolean).map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
  return Buffer.concat([...parts, Buffer.from([0])]);
}
function u16(v) { const b = Buffer.alloc(2); b.writeUInt16BE(v); return b; }
function u32(v) { const b = Buffer.alloc(4); b.writeUInt32BE(v); return b; }
function str(s) { return Buffer.concat([Buffer.from([Buffer.byteLength(s)]), Buffer.from(s)]); }
function readQuestion(msg) {
  let i = 12;
  const labels = [];
  while (msg[i] !== 0) { labels.push(msg.toString('latin1', i + 1, i + 1 + msg[i])); i += msg[i] + 1; }
  return { id: msg.readUInt16BE(0), domain: labels.join('.'), type: msg.readUInt16BE(i + 1), end: i + 5 };
}
const T = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, NAPTR: 35, CAA: 257 };
function rr(domain, type, ttl, data) {
  return Buffer.concat([name(domain), u16(T[type]), u16(1), u32(ttl), u16(data.length), data]);
}
const records = {
  A: [['A', 300, Buffer.from([10, 0, 0, 1])], ['A', 60, Buffer.from([10, 0, 0, 2])]],
  AAAA: [['AAAA', 120, Buffer.from('20010db8000000000000000000000001', 'hex')]],
  MX: [['MX', 5, Buffer.concat([u16(10), name('mail.example.test')])]],
  TXT: [['TXT', 5, Buffer.concat([str('v=spf1 -all'), str('second')])], ['TXT', 5, str('other')]],
  SRV: [['SRV', 5, Buffer.concat([u16(1), u16(5), u16(5060), name('sip.example.test')])]],
  NS: [['NS', 5, name('ns1.example.test')]],
  CNAME: [['CNAME', 5, name('canonical.example.test')]],
  PTR: [['PTR', 5, name('host.example.test')]],
  SOA: [['SOA', 5, Buffer.concat([name('ns1.example.test'), name('admin.example.test'),
    u32(2024010101), u32(7200), u32(3600), u32(1209600), u32(300)])]],
  CAA: [['CAA', 5, Buffer.concat([Buffer.from([0]), str('issue'), Buffer.from('ca.example.test')])]],
  NAPTR: [['NAPTR', 5, Buffer.concat([u16(100), u16(10), str('S'), str('SIP+D2U'), str(''), name('_sip._udp.example.test')])]],
};
const server = dgram.createSocket('udp4');
server.on('message', (msg, rinfo) => {
  const q = readQuestion(msg);
  let rcode = 0;
  let answers = [];
  if (q.domain === 'missing.example.test') rcode = 3;
  else if (q.domain === 'empty.example.test') answers = [];
  else if (q.type === 255) answers = [...records.A, ...records.MX, ...records.TXT];
  else answers = records[Object.keys(T).find((k) => T[k] === q.type)] || [];
  const header = Buffer.concat([u16(q.id), u16(0x8180 | rcode), u16(1), u16(answers.length), u16(0), u16(0)]);
  const body = answers.map(([type, ttl, data]) => rr(q.domain, type, ttl, data));
  server.send(Buffer.concat([header, msg.subarray(12, q.end), ...body]), rinfo.port, rinfo.address);
});

server.bind(0, '127.0.0.1', async () => {
  const addr = `127.0.0.1:${serverPort()}`;
  const r = new dns.Resolver();
  r.setServers([addr]);
  console.log('servers', r.getServers().length, r.getServers()[0] === addr);
  const call = (method, ...args) => new Promise((resolve) => {
    r[method](...args, (err, res) => {
      console.log(method, args[0], err ? `${err.code} ${err.syscall} ${err.hostname} ${err.message}` : JSON.stringify(res));
      resolve();
    });
  });
  await call('resolve4', 'example.test');
  await call('resolve4', 'example.test', { ttl: true });
  await call('resolve6', 'example.test', { ttl: true });
  await call('resolve6', 'example.test');
  await call('resolveMx', 'example.test');
  await call('resolveTxt', 'example.test');
  await call('resolveSrv', '_sip._udp.example.test');
  await call('resolveNs', 'example.test');
  await call('resolveCname', 'www.example.test');
  await call('resolveSoa', 'example.test');
  await call('resolveCaa', 'example.test');
  await call('resolveNaptr', 'example.test');
  await call('resolveAny', 'example.test');
  await call('resolve', 'example.test', 'MX');
  await call('reverse', '10.0.0.1');
  await call('resolve4', 'missing.example.test');
  await call('resolve4', 'empty.example.test');

  const p = new dns.promises.Resolver();
  p.setServers([addr]);
  console.log('promise', JSON.stringify(await p.resolve4('example.test')));
  console.log('promise', JSON.stringify(await p.resolve('example.test', 'TXT')));
  await p.resolveMx('missing.example.test').catch((e) => console.log('promise', e.code, e.syscall, e.hostname));

  dns.setServers([addr]);
  console.log('module', dns.getServers().length);
  console.log('module', JSON.stringify(await dns.promises.resolveSrv('_sip._udp.example.test')));
  dns.resolveNs('example.test', (err, res) => {
    console.log('module', err, JSON.stringify(res));
    serverSocket().close();
  });
});
function serverPort() { return server.address().port; }
function serverSocket() { return server; }
