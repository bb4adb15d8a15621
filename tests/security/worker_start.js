// attack: start a worker thread (a second isolate outside the main thread's checks)
// denied: ERR_ACCESS_DENIED WorkerThreads
// grant: --allow-worker
// allowed: started
try {
  new (require('worker_threads').Worker)('1', { eval: true });
  console.log('started');
} catch (e) {
  console.log(e.code, e.permission ?? '');
}
