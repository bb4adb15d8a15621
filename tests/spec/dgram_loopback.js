// node:dgram: a UDP socket bound on loopback receives a datagram another sends it, with Node's
// events, rinfo and errors.
const dgram = require('dgram');
const s = dgram.createSocket('udp4');
s.on('listening', () => console.log('listening', s.address().address, s.address().family, typeof s.address().port));
s.on('message', (m, r) => { console.log('message', m.toString(), r.family, r.address === '127.0.0.1', typeof r.port, r.size); s.close(() => console.log('closed')); });
s.on('close', () => console.log('close event'));
s.bind(0, '127.0.0.1', () => { const c = dgram.createSocket('udp4'); c.bind(0, '127.0.0.1', () => c.send('hello', s.address().port, '127.0.0.1', (err, bytes) => { console.log('sent', err, bytes); c.close(); })); });
try { dgram.createSocket('udp5') } catch (e) { console.log(e.code, e.message) }
try { s.send('x', 0) } catch (e) { console.log(e.code, e.message) }
