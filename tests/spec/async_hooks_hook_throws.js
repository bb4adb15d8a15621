'use strict';
// An error thrown by a createHook callback is fatal: printed, exit code 1, and no
// 'uncaughtException' listener sees it ('exit' listeners still run).
const { createHook } = require('async_hooks');

process.on('uncaughtException', () => console.log('uncaughtException must not run'));
process.on('exit', (code) => console.log('exit', code));
createHook({
  init(id, type) {
    if (type === 'Timeout') throw null; // eslint-disable-line no-throw-literal
  },
}).enable();
console.log('before');
setTimeout(() => console.log('the timer must not run'), 1);
console.log('not reached');
