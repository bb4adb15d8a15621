'use strict';
// worker_threads.Worker: a worker of this file and of eval'd code, messages both ways with
// structured data, workerData, environment and environment data, the exit code of
// process.exit(), an uncaught error with its class and code, terminate() of a busy worker,
// what a worker may not do, and Node's errors for a bad filename. Only the main thread prints
// (a worker's console output is not ordered with its parent's).
const { Worker, isMainThread, parentPort, workerData, threadId, getEnvironmentData,
  setEnvironmentData } = require('worker_threads');

if (!isMainThread) {
  parentPort.on('message', (msg) => {
    if (msg === 'done') {
      parentPort.close();
      return;
    }
    parentPort.postMessage({
      echo: msg,
      workerData,
      threadIdPositive: threadId > 0,
      env: process.env.WORKER_TEST_VAR,
      envData: getEnvironmentData('shared'),
      argv: process.argv.slice(2),
    });
  });
  return;
}

function once(worker, event) {
  return new Promise((resolve) => worker.once(event, resolve));
}

async function main() {
  setEnvironmentData('shared', { n: 1 });
  process.env.WORKER_TEST_VAR = 'from parent';
  const w = new Worker(__filename, { workerData: { list: [1, 2], when: new Date(0) }, argv: ['a', 2] });
  console.log('threadId > 0:', w.threadId > 0);
  await once(w, 'online');
  console.log('online');
  w.postMessage({ map: new Map([['k', new Set([1])]]), bytes: new Uint8Array([1, 2, 3]), big: 10n });
  const reply = await once(w, 'message');
  console.log(reply.echo, reply.workerData, reply.threadIdPositive, reply.env, reply.envData, reply.argv);
  w.postMessage('done');
  console.log('exit', await once(w, 'exit'));

  const own = new Worker('require("worker_threads").parentPort.postMessage(process.env.X ?? "unset")',
    { eval: true, env: { X: 42 } });
  console.log('env option:', await once(own, 'message'));
  await once(own, 'exit');

  const exiting = new Worker(`
    const { parentPort } = require('worker_threads');
    process.on('exit', (code) => parentPort.postMessage('exit event ' + code));
    setTimeout(() => {}, 100000);
    process.exit(7);
  `, { eval: true });
  const messages = [];
  exiting.on('message', (m) => messages.push(m));
  console.log('process.exit:', await once(exiting, 'exit'), messages);

  const throwing = new Worker('throw Object.assign(new RangeError("boom"), { code: "E_BOOM" })', { eval: true });
  const err = await once(throwing, 'error');
  console.log('error:', err instanceof RangeError, err.message, err.code);
  console.log('exit after error:', await once(throwing, 'exit'));

  const busy = new Worker('require("worker_threads").parentPort.postMessage("spinning"); for (;;) {}', { eval: true });
  await once(busy, 'message');
  console.log('terminate:', await busy.terminate());

  for (const code of ['process.chdir("/")', 'process.umask(0)']) {
    const w2 = new Worker(code, { eval: true });
    const e = await once(w2, 'error');
    console.log(e.name, e.code, e.message);
    await once(w2, 'exit');
  }

  for (const bad of ['relative.js', 'file:///x.js', 5, new URL('https://example.com/w.js')]) {
    try {
      new Worker(bad);
    } catch (e) {
      console.log(e.code, e.message);
    }
  }
}

main();
