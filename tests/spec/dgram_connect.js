'use strict';
// node:dgram connected sockets: connect() binds implicitly and emits 'connect', remoteAddress()
// names the peer, send() without an address goes there (buffer lists, offset/length forms), and
// the argument errors (ERR_SOCKET_DGRAM_IS_CONNECTED, ERR_SOCKET_DGRAM_NOT_CONNECTED,
// ERR_BUFFER_OUT_OF_BOUNDS, ERR_SOCKET_BAD_PORT); disconnect() undoes it; socket options
// (TTL, broadcast, multicast, buffer sizes) and their errors on an unbound socket.
const dgram = require('dgram');

const show = (f) => {
  try {
    const r = f();
    console.log('ok', r);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
};

const server = dgram.createSocket('udp4');
const received = [];
server.on('message', (msg, rinfo) => {
  received.push(msg.toString());
  if (received.length === 3) {
    console.log('received', JSON.stringify(received), rinfo.address, rinfo.size);
    client.disconnect();
    show(() => client.remoteAddress());
    show(() => client.disconnect());
    client.close(() => console.log('client closed'));
    server.close(() => console.log('server closed'));
  }
});

const client = dgram.createSocket('udp4');
show(() => client.address());
show(() => client.setTTL(5));
show(() => client.setBroadcast(true));
show(() => client.getRecvBufferSize());
show(() => client.connect(0));
show(() => client.disconnect());
show(() => client.addMembership());
show(() => client.addMembership('256.256.256.256'));

server.bind(0, '127.0.0.1', () => {
  const { port } = server.address();
  client.on('connect', () => console.log('connect event'));
  client.connect(port, '127.0.0.1', () => {
    const remote = client.remoteAddress();
    console.log('connected', remote.address, remote.family, remote.port === port);
    show(() => client.connect(port));
    show(() => client.send('x', port, '127.0.0.1'));
    show(() => client.send(Buffer.from('abc'), 2, 5));
    show(() => client.send(Buffer.from('abc'), 5, 1));
    show(() => client.setTTL(64));
    show(() => client.setTTL(1000));
    show(() => client.setMulticastTTL(3));
    show(() => client.setMulticastLoopback(false));
    show(() => client.setBroadcast(true));
    show(() => client.setMulticastInterface(1));
    show(() => client.getRecvBufferSize() > 0);
    client.send('one', (err, n) => console.log('sent one', err, n));
    client.send([Buffer.from('t'), 'w', new Uint8Array([111])], (err, n) => console.log('sent list', err, n));
    client.send(Buffer.from('xthreex'), 1, 5, (err, n) => console.log('sent slice', err, n));
  });
});
