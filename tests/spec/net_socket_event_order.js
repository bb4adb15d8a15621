'use strict';
// A client writes and ends; the server reads to the end and answers. Both sides' events, in
// order, with readyState, bytesRead/bytesWritten, and a refused connection's error fields.
const net = require('net');
const log = [];
const server = net.createServer((s) => {
  log.push(`server connection ${s.readyState} ${s.remoteAddress}`);
  s.on('data', (d) => log.push(`server data ${d}`));
  s.on('end', () => {
    log.push(`server end ${s.readyState}`);
    s.end('bye');
  });
  s.on('finish', () => log.push('server finish'));
  s.on('close', (hadError) => log.push(`server close ${hadError}`));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const c = net.connect(port, '127.0.0.1');
  log.push(`pending=${c.pending} connecting=${c.connecting} ${c.readyState}`);
  c.on('connect', () => log.push(`connect ${c.readyState} pending=${c.pending} ${c.remotePort === port}`));
  c.on('ready', () => log.push('ready'));
  c.setEncoding('utf8');
  c.on('data', (d) => log.push(`data ${d}`));
  c.on('end', () => log.push(`end ${c.readyState}`));
  c.on('finish', () => log.push(`finish ${c.readyState}`));
  c.on('close', (hadError) => {
    log.push(`close ${hadError} read=${c.bytesRead} written=${c.bytesWritten} destroyed=${c.destroyed}`);
    server.close(() => {
      log.push('server closed');
      refused(port);
    });
  });
  log.push(`write returned ${c.write('hello')}`);
  c.end(' world');
});

// The port of a server that just closed refuses connections.
function refused(port) {
  const c = net.connect(port, '127.0.0.1');
  c.on('error', (err) => {
    log.push(`error ${err.code} ${err.syscall} ${err.address} ${err.port === port} ${err.message === `connect ECONNREFUSED 127.0.0.1:${port}`}`);
  });
  c.on('close', (hadError) => {
    log.push(`close ${hadError}`);
    console.log(log.join('\n'));
  });
}
