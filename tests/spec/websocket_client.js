// The global WebSocket client against a ws server: the handshake with a subprotocol, text and
// binary messages both ways (binaryType arraybuffer and blob), a large message, a ping the client
// answers, and a close started by each side; a refused connection ends in error then close 1006.
const { WebSocketServer } = require('../npm/node_modules/ws');

const serverCloses = [];
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (set) => (set.has('chat') ? 'chat' : false) });
wss.on('connection', (sock, req) => {
  console.log('server: connection', req.url, sock.protocol);
  sock.on('message', (data, isBinary) => {
    if (!isBinary) {
      const text = data.toString();
      if (text === 'close please') {
        sock.close(4001, 'as asked');
        return;
      }
      sock.send(`echo:${text.length > 20 ? `${text.length} chars` : text}`);
    } else {
      console.log('server: binary', [...data].join(','));
      sock.send(Buffer.from([9, 8, 7]));
    }
  });
  sock.on('pong', (d) => console.log('server: pong', d.toString()));
  sock.ping('are you there');
  // The two ends close at once; the server's side is printed at the end.
  sock.on('close', (code, reason) => serverCloses.push(`server: close ${code} ${reason}`));
});

wss.on('listening', () => {
  const url = `ws://127.0.0.1:${wss.address().port}/path?q=1`;
  const ws = new WebSocket(url, ['chat', 'other']);
  console.log('client: state', ws.readyState, ws.url === url, WebSocket.OPEN);
  ws.binaryType = 'arraybuffer';
  let step = 0;
  ws.onopen = () => {
    console.log('client: open', ws.readyState, ws.protocol, JSON.stringify(ws.extensions));
    ws.send('hello');
  };
  ws.onmessage = async (e) => {
    if (typeof e.data === 'string') console.log('client: text', e.data);
    else if (e.data instanceof ArrayBuffer) console.log('client: arraybuffer', [...new Uint8Array(e.data)].join(','));
    else console.log('client: blob', [...new Uint8Array(await e.data.arrayBuffer())].join(','));
    step++;
    if (step === 1) ws.send(new Uint8Array([1, 2, 3]));
    if (step === 2) {
      ws.binaryType = 'blob';
      ws.send(new Uint8Array([4, 5]).buffer);
    }
    if (step === 3) ws.send('x'.repeat(100000));
    if (step === 4) ws.send('close please');
  };
  ws.onclose = (e) => {
    console.log('client: close', e.code, e.reason, e.wasClean, ws.readyState);
    second(wss);
  };
});

function second(server) {
  // The client closes this time.
  const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}/two`);
  ws.onopen = () => {
    try { ws.close(1001); } catch (e) { console.log('client: close(1001)', e.name); }
    ws.close(1000, 'done');
    console.log('client: closing', ws.readyState);
  };
  ws.onclose = (e) => {
    console.log('client: close', e.code, e.reason, e.wasClean);
    whenServerClosed(2, () => server.close(() => refused()));
  };
}

function whenServerClosed(n, then) {
  if (serverCloses.length >= n) then();
  else setTimeout(whenServerClosed, 5, n, then);
}

function refused() {
  try { new WebSocket('ftp://x'); } catch (e) { console.log('bad scheme:', e.name); }
  try { new WebSocket('ws://127.0.0.1:1/', ['a', 'a']); } catch (e) { console.log('duplicate protocol:', e.name); }
  const ws = new WebSocket('ws://127.0.0.1:1/');
  try { ws.send('x'); } catch (e) { console.log('send while connecting:', e.name); }
  ws.onerror = (e) => console.log('refused: error event', e.type);
  ws.onclose = (e) => {
    console.log('refused: close', e.code, e.wasClean, ws.readyState);
    for (const line of serverCloses) console.log(line);
  };
}
