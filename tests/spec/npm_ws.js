// A ws server and client (tests/npm): the upgrade handshake with a subprotocol, text and binary
// messages both ways, a JSON message, ping/pong, large messages that span many TCP reads arriving
// in order, and a close with a code and reason that both ends see. The two ends' close events come
// from two sockets in no fixed order, so they are printed once both have happened.
'use strict';
const { WebSocketServer, WebSocket } = require('../npm/node_modules/ws');

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (set) => (set.has('moat.v1') ? 'moat.v1' : false) });
wss.on('connection', (socket, req) => {
  console.log('server: connection', req.url, req.headers['sec-websocket-protocol'], socket.protocol);
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      console.log('server: binary', data);
      socket.send(Buffer.from(data).reverse());
      return;
    }
    const text = data.toString();
    console.log('server: text', text);
    if (text === 'json') socket.send(JSON.stringify({ kind: 'json', list: [1, 2, 3] }));
    else if (text === 'many') for (let i = 0; i < 5; i++) socket.send(`part ${i} ${'x'.repeat(i * 40000)}`);
    else if (text === 'bye') socket.close(4001, 'done here');
    else socket.send(text.toUpperCase());
  });
  socket.on('ping', (data) => console.log('server: ping', data.toString()));
  socket.on('close', (code, reason) => {
    closed('server: close', code, reason.toString());
    wss.close(() => closed('server: closed'));
  });
});

const closes = [];
function closed(...line) {
  closes.push(line);
  if (closes.length < 3) return;
  for (const l of closes.sort((a, b) => (a[0] < b[0] ? -1 : 1))) console.log(...l);
}

wss.on('listening', () => {
  const { port } = wss.address();
  const ws = new WebSocket(`ws://127.0.0.1:${port}/chat?room=1`, ['moat.v1']);
  const steps = [
    () => ws.send('hello'),
    () => ws.send(Buffer.from([1, 2, 3, 4])),
    () => ws.send('json'),
    () => ws.ping('are you there'),
    () => ws.send('many'),
  ];
  let received = 0;
  const next = () => { const step = steps.shift(); if (step) step(); else ws.send('bye'); };
  ws.on('open', () => {
    console.log('client: open', ws.protocol, ws.readyState === WebSocket.OPEN);
    next();
  });
  ws.on('pong', (data) => {
    console.log('client: pong', data.toString());
    next();
  });
  ws.on('message', (data, isBinary) => {
    if (isBinary) console.log('client: binary', data);
    else if (data.toString().startsWith('{')) console.log('client: json', JSON.parse(data));
    else console.log('client: text', data.length > 20 ? `${data.toString().slice(0, 8)} (${data.length} bytes)` : data.toString());
    if (data.toString().startsWith('part')) {
      if (++received === 5) next();
      return;
    }
    next();
  });
  ws.on('close', (code, reason) => closed('client: close', code, reason.toString(), ws.readyState === WebSocket.CLOSED));
  ws.on('error', (e) => console.log('client: error', e.message));
});
