'use strict';
// A fetch response body read as a ReadableStream while it arrives: the first chunk is read
// before the server sends the rest. A ReadableStream as a POST body is sent whole.
const net = require('net');

let sendRest;
const server = net.createServer((sock) => {
  let data = '';
  sock.on('data', (d) => {
    data += d.toString('latin1');
    const end = data.indexOf('\r\n\r\n');
    if (end === -1) return;
    const head = data.slice(0, end).split('\r\n');
    if (head[0].startsWith('POST')) {
      // The stream body comes chunked: wait for the last chunk, then echo the framing and data.
      if (!data.endsWith('0\r\n\r\n')) return;
      const framing = head.filter((l) => /^(transfer-encoding|content-length):/i.test(l)).join(',');
      let rest = data.slice(end + 4);
      let body = '';
      for (;;) {
        const line = rest.indexOf('\r\n');
        const size = parseInt(rest.slice(0, line), 16);
        if (size === 0) break;
        body += rest.slice(line + 2, line + 2 + size);
        rest = rest.slice(line + 2 + size + 2);
      }
      const reply = `${framing} echo: ${body}`;
      sock.end(`HTTP/1.1 200 OK\r\nContent-Length: ${reply.length}\r\n\r\n${reply}`);
      return;
    }
    sock.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nfirst\r\n');
    sendRest = () => sock.end('6\r\nsecond\r\n0\r\n\r\n');
  });
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const res = await fetch(`${base}/stream`);
  console.log(res.status, res.body, res.bodyUsed);
  const reader = res.body.getReader();
  const first = await reader.read();
  console.log('first', new TextDecoder().decode(first.value), first.done, res.bodyUsed);
  sendRest();
  let rest = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    rest += new TextDecoder().decode(value);
  }
  console.log('rest', rest);
  await res.text().catch((e) => console.log(e.name, e.message));

  const posted = await fetch(`${base}/post`, {
    method: 'POST',
    body: ReadableStream.from(['str', 'eam']).pipeThrough(new TextEncoderStream()),
    duplex: 'half',
  });
  console.log(await posted.text());
  server.close();
});
