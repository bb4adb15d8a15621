'use strict';
// Load generator: `node load.js PORT [REQUESTS] [CONNECTIONS] [tls]` sends GET / over keep-alive
// connections (TLS ones with `tls`, the certificate unchecked), one request in flight per
// connection, and prints `requests/s p99-ms`.
const net = require('net');
const tls = require('tls');
const secure = process.argv[5] === 'tls';
const port = Number(process.argv[2]);
const total = Number(process.argv[3] || 10000);
const conns = Number(process.argv[4] || 50);
const request = Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`);
let sent = 0;
let done = 0;
let failed = 0;
const latencies = [];
const start = process.hrtime.bigint();

// Ends a response when its head and Content-Length bytes of body have arrived.
function responseEnd(buf) {
  const head = buf.indexOf('\r\n\r\n');
  if (head < 0) return -1;
  const m = /content-length: *(\d+)/i.exec(buf.subarray(0, head).toString('latin1'));
  const len = m ? Number(m[1]) : 0;
  const end = head + 4 + len;
  return buf.length >= end ? end : -1;
}

function open() {
  const socket = secure ?
    tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: false }) :
    net.connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  let buf = Buffer.alloc(0);
  let t0 = 0n;
  const next = () => {
    if (sent >= total) {
      socket.end();
      return;
    }
    sent++;
    t0 = process.hrtime.bigint();
    socket.write(request);
  };
  socket.on(secure ? 'secureConnect' : 'connect', next);
  socket.on('data', (chunk) => {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    let end;
    while ((end = responseEnd(buf)) >= 0) {
      buf = buf.subarray(end);
      done++;
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (done === total) finish();
      next();
    }
  });
  socket.on('error', () => { failed++; });
}

function finish() {
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  latencies.sort((a, b) => a - b);
  const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
  process.stdout.write(`${(done / secs).toFixed(0)} ${p99.toFixed(2)}\n`);
}

for (let i = 0; i < conns; i++) open();
process.on('exit', () => { if (failed) process.stderr.write(`${failed} connections failed\n`); });
