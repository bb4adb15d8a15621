// An EventEmitter emit loop: 2M emits to two listeners with one argument.
const { time } = require('./timer.js');
const EventEmitter = require('events');
const e = new EventEmitter();
let sum = 0;
e.on('data', (x) => { sum += x; });
e.on('data', (x) => { sum -= x >> 1; });
time(() => {
  for (let i = 0; i < 2e6; i++) e.emit('data', i & 1023);
  if (sum === 0) throw new Error('listeners did not run');
});
