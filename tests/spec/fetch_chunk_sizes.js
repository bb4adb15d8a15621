// fetch reads chunked bodies by the rules of HTTP/1.1: hex sizes with extensions, split across
// packets; a size that is not hex, a negative or oversized one, or a chunk without its CRLF
// fails the body with a TypeError instead of being read as something else.
const net = require('net');

const bodies = {
  '/ext': ['5;name=value\r\nhello\r\n0\r\n\r\n'],
  '/upper': ['A\r\n0123456789\r\n0\r\n\r\n'],
  '/split': ['3\r', '\nabc\r\n', '2\r\nde', '\r\n0\r\n\r\n'],
  '/negative': ['-5\r\nhello\r\n0\r\n\r\n'],
  '/prefix': ['0x5\r\nhello\r\n0\r\n\r\n'],
  '/trailing-junk': ['5g\r\nhello\r\n0\r\n\r\n'],
  '/huge': ['fffffffffffffffffff\r\nhello\r\n0\r\n\r\n'],
  '/no-crlf': ['5\r\nhelloXY0\r\n\r\n'],
};
const server = net.createServer((sock) => {
  let data = '';
  sock.on('data', (d) => {
    data += d.toString('latin1');
    if (!data.includes('\r\n\r\n')) return;
    const path = data.split(' ')[1];
    const parts = bodies[path];
    sock.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
    let i = 0;
    const next = () => {
      if (i === parts.length) return sock.end();
      sock.write(parts[i++]);
      setTimeout(next, 5);
    };
    next();
  });
});
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  for (const path of Object.keys(bodies)) {
    try {
      const res = await fetch(base + path);
      console.log(path, res.status, JSON.stringify(await res.text()));
    } catch (e) {
      console.log(path, e.name, e.message);
    }
  }
  server.close();
});
