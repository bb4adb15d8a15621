'use strict';
// node:dns errors: argument validation of resolve*, Resolver options, setServers and
// setLocalAddress; a server that refuses (a closed local UDP port) is ECONNREFUSED, one that
// never answers is ETIMEOUT after the Resolver's timeout and tries, and cancel() ends pending
// queries with ECANCELLED; each error has Node's code, syscall and hostname. lookupService's
// argument errors.
const dgram = require('dgram');
const dns = require('dns');

const show = (f) => {
  try {
    const r = f();
    console.log('ok', r);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
};

show(() => dns.resolve4(1, () => {}));
show(() => dns.resolve4('example.test'));
show(() => dns.resolve('example.test', 'NOPE', () => {}));
show(() => dns.resolve('example.test', 5, () => {}));
show(() => new dns.Resolver({ timeout: 'x' }));
show(() => new dns.Resolver({ tries: 0 }));
show(() => new dns.Resolver({ maxTimeout: -1 }));
show(() => dns.setServers('127.0.0.1'));
show(() => dns.setServers([1]));
show(() => dns.setServers(['not an ip']));
show(() => new dns.Resolver().setLocalAddress('bad'));
show(() => new dns.Resolver().setLocalAddress('127.0.0.1', '127.0.0.1'));
show(() => new dns.Resolver().setLocalAddress(5));
show(() => dns.setDefaultResultOrder('sideways'));
show(() => dns.lookupService('127.0.0.1', 80));
show(() => dns.lookupService('not an ip', 80, () => {}));
show(() => dns.lookupService('127.0.0.1', 70000, () => {}));
show(() => dns.promises.lookupService('127.0.0.1'));
dns.setDefaultResultOrder('ipv4first');
console.log(dns.getDefaultResultOrder(), dns.promises.getDefaultResultOrder());
dns.setDefaultResultOrder('verbatim');
console.log(dns.NOTFOUND, dns.CANCELLED, dns.promises.TIMEOUT, require('dns/promises') === dns.promises);
const r = new dns.Resolver();
r.setServers(['127.0.0.1', '[::1]:5353', '10.0.0.1:53', '10.0.0.2:5300', '::2']);
console.log(r.getServers());

const report = (what) => (err, res) => {
  console.log(what, err ? `${err.code} ${err.syscall} ${err.hostname} ${err.message}` : res);
};

// A port with nothing on it: take one, then free it.
const probe = dgram.createSocket('udp4');
probe.bind(0, '127.0.0.1', () => {
  const closedPort = probe.address().port;
  probe.close(async () => {
    const refused = new dns.Resolver({ timeout: 1000, tries: 1 });
    refused.setServers([`127.0.0.1:${closedPort}`]);
    await new Promise((done) => refused.resolveMx('refused.example.test', (e, x) => { report('refused')(e, x); done(); }));
    await new dns.promises.Resolver({ timeout: 1000, tries: 1 }).resolve4('x.example.test').catch(() => {});

    // A server that hears the question and never answers.
    const silent = dgram.createSocket('udp4');
    let heard = 0;
    silent.on('message', () => { heard++; });
    silent.bind(0, '127.0.0.1', async () => {
      const slow = new dns.Resolver({ timeout: 50, tries: 2 });
      slow.setServers([`127.0.0.1:${silent.address().port}`]);
      await new Promise((done) => slow.resolveTxt('quiet.example.test', (e, x) => { report('timeout')(e, x); done(); }));
      console.log('questions heard', heard);

      const pending = new dns.Resolver();
      pending.setServers([`127.0.0.1:${silent.address().port}`]);
      pending.resolve4('one.example.test', report('cancel'));
      pending.reverse('10.1.2.3', report('cancel'));
      show(() => pending.setServers(['127.0.0.1']));
      const p = new dns.promises.Resolver();
      p.setServers([`127.0.0.1:${silent.address().port}`]);
      const promised = p.resolveSoa('two.example.test').catch((e) => console.log('cancel promise', e.code, e.syscall, e.hostname));
      setTimeout(() => {
        pending.cancel();
        p.cancel();
        promised.then(() => silent.close());
      }, 20);
    });
  });
});
