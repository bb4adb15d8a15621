'use strict';
// A worker posts through a moved port and closes it at once; the parent listens only later.
// The messages still arrive, in order, and then the port closes.
const { Worker, MessageChannel, isMainThread, workerData } = require('worker_threads');

if (!isMainThread) {
  workerData.port.postMessage('first');
  workerData.port.postMessage('second');
  workerData.port.close();
  return;
}
const { port1, port2 } = new MessageChannel();
const w = new Worker(__filename, { workerData: { port: port2 }, transferList: [port2] });
w.on('exit', (code) => {
  console.log('worker exited', code);
  setTimeout(() => {
    port1.on('message', (m) => console.log('message', m));
    port1.on('close', () => console.log('closed'));
  }, 100);
});
