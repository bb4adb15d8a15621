const order = [];
setTimeout(() => order.push('timeout 20'), 20);
setTimeout(() => order.push('timeout 5'), 5);
setTimeout(() => {
  order.push('timeout 10');
  setImmediate(() => order.push('immediate from timeout'));
  setTimeout(() => order.push('timeout from timeout'), 0);
  process.nextTick(() => order.push('tick from timeout'));
  Promise.resolve().then(() => order.push('micro from timeout'));
}, 10);
process.nextTick(() => order.push('tick'));
Promise.resolve().then(() => order.push('micro'));
queueMicrotask(() => order.push('queueMicrotask'));
order.push('sync');
process.on('exit', () => console.log(order.join('\n')));
