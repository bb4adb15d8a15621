'use strict';
// A port moved to a worker that is terminated without closing it closes with the worker: the
// end left in the parent gets 'close', and the parent's loop is free to end.
const { MessageChannel, Worker } = require('worker_threads');

const seen = [];
const { port1, port2 } = new MessageChannel();
const w = new Worker(`
  require('worker_threads').parentPort.on('message', ({ port }) => port.postMessage('works'));
`, { eval: true });
w.postMessage({ port: port2 }, [port2]);
port1.on('message', (m) => {
  seen.push(`message ${m}`);
  w.terminate().then((code) => seen.push(`terminated ${code}`));
});
port1.on('close', () => seen.push('port1 closed'));
process.on('exit', () => console.log(seen.sort().join('\n')));
