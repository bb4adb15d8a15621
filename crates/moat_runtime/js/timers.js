'use strict';
// node:timers

// The event loop loads with the first timer.
let loopModule;
const loop = () => (loopModule ??= require('internal/loop'));
// The check is inline; internal/validators loads only to throw for a bad callback.
function validateFunction(value, name) {
  if (typeof value !== 'function') require('internal/validators').validateFunction(value, name);
}

function setTimeout(callback, after, ...args) {
  validateFunction(callback, 'callback');
  return new (loop().Timeout)(callback, after, args, false, true);
}
function setInterval(callback, repeat, ...args) {
  validateFunction(callback, 'callback');
  return new (loop().Timeout)(callback, repeat, args, true, true);
}
function setImmediate(callback, ...args) {
  validateFunction(callback, 'callback');
  return new (loop().Immediate)(callback, args);
}
function clearTimeout(timer) { loop().clearTimer(timer); }
function clearInterval(timer) { loop().clearTimer(timer); }
function clearImmediate(immediate) { loop().clearImmediate(immediate); }

Object.defineProperty(setTimeout, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: false, configurable: true, get() { return require('timers/promises').setTimeout; },
});
Object.defineProperty(setImmediate, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: false, configurable: true, get() { return require('timers/promises').setImmediate; },
});

module.exports = {
  setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate,
  get promises() { return require('timers/promises'); },
};
