const timers = require('timers');
console.log(setTimeout === timers.setTimeout, setImmediate === timers.setImmediate, clearInterval === timers.clearInterval);
console.log(typeof globalThis.setTimeout, Object.getOwnPropertyDescriptor(globalThis, 'setTimeout').enumerable);
console.log(Object.getOwnPropertyDescriptor(globalThis, 'console').enumerable, Object.getOwnPropertyDescriptor(globalThis, 'process').enumerable);
