'use strict';
// A port moved to a worker that ends without closing it closes with the worker: the end left
// in the parent gets 'close', and the parent's loop is free to end.
const { MessageChannel, Worker } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
const w = new Worker(`
  require('worker_threads').parentPort.once('message', ({ port }) => port.postMessage('works'));
`, { eval: true });
w.postMessage({ port: port2 }, [port2]);
port1.on('message', (m) => {
  console.log('message', m);
  w.terminate().then((code) => console.log('terminated', code));
});
port1.on('close', () => console.log('port1 closed'));
