'use strict';
// A server and a client over a Unix-domain socket in a fresh temporary directory: echo both
// ways, the events in order, the server's address (the path), the sockets' addresses (none), the
// file removed on close, and the errors of a missing path, a file that is no socket, and a path
// in use.
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'net-unix-'));
const sockPath = path.join(dir, 'echo.sock');
const show = (p) => (typeof p === 'string' ? p.split(dir).join('<dir>') : p);
const log = (...a) => console.log(...a.map(show));

function errorFields(e) {
  return [e.code, e.syscall, show(e.address), e.port, show(e.message)].join(' | ');
}

const server = net.createServer((sock) => {
  log('server: connection', sock.remoteAddress, sock.remotePort, sock.localAddress, JSON.stringify(sock.address()));
  sock.setEncoding('utf8');
  let received = '';
  sock.on('data', (d) => {
    received += d;
    sock.write(d.toUpperCase());
  });
  sock.on('end', () => {
    log('server: end after', JSON.stringify(received));
    sock.end();
  });
  sock.on('close', (hadError) => log('server: socket close', hadError));
});

server.on('listening', () => {
  log('listening', server.address(), typeof server.address(), fs.existsSync(sockPath));
  const client = net.connect(sockPath);
  const events = [];
  client.on('connect', () => {
    events.push('connect');
    log('client: connect', client.remoteAddress, client.remotePort, client.localAddress, JSON.stringify(client.address()));
    client.write('hello ');
    client.write('over a unix socket');
  });
  client.on('ready', () => events.push('ready'));
  let got = '';
  client.setEncoding('utf8');
  client.on('data', (d) => {
    got += d;
    if (got.length === 'hello over a unix socket'.length) {
      log('client: got', JSON.stringify(got));
      client.end();
    }
  });
  client.on('end', () => events.push('end'));
  client.on('finish', () => events.push('finish'));
  client.on('close', (hadError) => {
    events.push(`close ${hadError}`);
    log('client events:', events.join(', '));
    inUse();
  });
});
server.listen(sockPath);

// Listening where the server is: EADDRINUSE, and the server's file stays.
function inUse() {
  const other = net.createServer();
  other.on('error', (e) => {
    log('second listen:', errorFields(e), 'listening:', other.listening);
    server.close(() => {
      log('closed; file left:', fs.existsSync(sockPath), 'address:', server.address());
      missing();
    });
  });
  other.listen({ path: sockPath });
}

// Nothing there: ENOENT from connect, asynchronously.
function missing() {
  const order = [];
  const c = new net.Socket();
  c.connect({ path: path.join(dir, 'missing.sock') }, () => log('unexpected connect'));
  order.push('after connect()');
  c.on('error', (e) => {
    order.push('error');
    log('missing:', errorFields(e), 'destroyed:', c.destroyed);
  });
  c.on('close', (hadError) => {
    log('missing close', hadError, order.join(', '));
    notASocket();
  });
}

// A plain file: ECONNREFUSED.
function notASocket() {
  const file = path.join(dir, 'plain');
  fs.writeFileSync(file, 'not a socket');
  net.connect(file).on('error', (e) => {
    log('plain file:', errorFields(e));
    fs.rmSync(dir, { recursive: true });
    log('done');
  });
}
