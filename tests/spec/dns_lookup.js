// dns.lookup through the system resolver: callback and promise forms, options, Node's errors and
// event order (an address answers on the next tick, a name after the current phase).
const dns = require('dns');
dns.lookup('localhost', { family: 4 }, (e, a, f) => console.log('name', e, a, f));
dns.lookup('localhost', { family: 4, all: true }, (e, list) => console.log('all', list));
dns.lookup('127.0.0.1', (e, a, f) => console.log('address', a, f));
require('dns/promises').lookup('127.0.0.1').then((r) => console.log('promise', r));
try { dns.lookup(1, () => {}); } catch (e) { console.log(e.code, e.message); }
try { dns.lookup('x', 5, () => {}); } catch (e) { console.log(e.code, e.message); }
try { dns.lookup('x', { family: 7 }, () => {}); } catch (e) { console.log(e.code, e.message); }
setTimeout(() => {
  dns.promises.lookup('nonexistent.invalid').catch((e) => console.log(e.code, e.errno, e.syscall, e.hostname, e.message));
}, 10);
