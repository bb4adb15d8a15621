'use strict';
// MessagePorts moved between threads: a port sent to a worker in a message and in workerData's
// transferList talks to its partner here; messages already waiting in a port go with it; a
// port moved on from the worker to a third thread keeps its channel; closing one end closes the
// other. Only the main thread prints.
const { Worker, MessageChannel, isMainThread, parentPort, workerData } = require('worker_threads');

if (!isMainThread) {
  if (workerData && workerData.port) {
    workerData.port.postMessage('hello through workerData');
    workerData.port.close();
    return;
  }
  parentPort.once('message', ({ port, forward }) => {
    port.on('message', (m) => {
      if (m === 'ping') port.postMessage('pong');
      if (m === 'close') port.close();
    });
    if (forward) {
      // Move the port on to a worker of this worker's.
      new Worker(__filename, { workerData: { port: forward }, transferList: [forward] });
    }
  });
  return;
}

function once(target, event) {
  return new Promise((resolve) => target.once(event, resolve));
}

async function main() {
  const w = new Worker(__filename);
  try {
    const { port1: a } = new MessageChannel();
    w.postMessage(a, [a, a]);
  } catch (e) {
    console.log(e.name);
  }
  const { port1, port2 } = new MessageChannel();
  const relay = new MessageChannel();
  port1.postMessage('ping'); // waits in port2, which moves with it
  w.postMessage({ port: port2, forward: relay.port2 }, [port2, relay.port2]);
  console.log('pong?', await once(port1, 'message'));
  port1.postMessage('ping');
  console.log('pong again?', await once(port1, 'message'));
  console.log('relayed:', await once(relay.port1, 'message'));
  port1.postMessage('close');
  await once(port1, 'close');
  console.log('port1 closed');
  relay.port1.close();
  await w.terminate();

  const data = new MessageChannel();
  const w2 = new Worker(__filename, { workerData: { port: data.port2 }, transferList: [data.port2] });
  console.log('workerData port:', await once(data.port1, 'message'));
  await once(data.port1, 'close');
  console.log('closed by the worker');
}

main();
