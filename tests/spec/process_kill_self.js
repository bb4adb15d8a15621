// A process signalling itself: a signal it listens for reaches its listener (once per kill,
// after the current code finishes); an unknown signal number is EINVAL; signal 0 only checks
// that the process exists.
const order = [];
const keepAlive = setInterval(() => {}, 1000);
process.on('SIGUSR2', (name, number) => {
  order.push(`${name} ${number}`);
  if (order.length === 2) {
    process.kill(process.pid, 'SIGUSR2');
  } else if (order.length === 3) {
    console.log(order.join(', '));
    process.removeAllListeners('SIGUSR2');
    clearInterval(keepAlive);
  }
});
console.log('kill 0 ->', process.kill(process.pid, 0));
try {
  process.kill(process.pid, 987);
} catch (e) {
  console.log(e.code, e.syscall, e.message);
}
process.kill(process.pid, 'SIGUSR2');
order.push('after kill');
