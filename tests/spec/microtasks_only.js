// A program that only queues promise jobs: what they schedule (a timer, an exit listener) still
// runs, in Node's order, and a rejection they leave unhandled still ends the run.
Promise.resolve().then(() => {
  console.log('job 1');
  setTimeout(() => console.log('timer'), 1);
  Promise.resolve().then(() => console.log('job 2'));
}).then(() => {
  process.on('exit', (code) => console.log('exit', code));
  process.nextTick(() => console.log('tick'));
  Promise.resolve().then(() => console.log('job 3'));
}).then(() => Promise.reject(new Error('left unhandled')));
console.log('main');
