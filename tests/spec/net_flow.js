// node:net: a socket with no 'data' listener keeps what arrives until one comes; pause() holds
// 'data' back and resume() lets it through; 'end' follows the last data; a peer's end without
// allowHalfOpen ends this side too, with it the socket stays writable.
const net = require('net');

const server = net.createServer({ allowHalfOpen: true }, (sock) => {
  sock.end('first part, second part');
  sock.on('end', () => {
    console.log('server: peer ended, still writable:', sock.writable);
    sock.end();
  });
  sock.on('close', () => server.close(() => console.log('server closed')));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.on('connect', () => {
    setTimeout(() => {
      console.log('late listener; paused:', c.isPaused());
      c.setEncoding('utf8');
      let text = '';
      c.on('data', (d) => { text += d; });
      c.pause();
      console.log('paused:', c.isPaused());
      setTimeout(() => {
        console.log('nothing while paused:', text === '');
        c.resume();
      }, 20);
      c.on('end', () => console.log('end after', JSON.stringify(text)));
      c.on('close', (hadError) => console.log('client close', hadError));
    }, 50);
  });
});
