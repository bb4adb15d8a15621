// A program that replaces the global `process` does not break moat's own paths: the event
// loop, perf_hooks' idle-time bookkeeping, 'exit' and the report of an uncaught error all use
// the real process object.
const fs = require('fs');
const { performance } = require('perf_hooks');
performance.now();
process.on('exit', (code) => fs.writeSync(1, `exit ${code}\n`));
globalThis.process = {};
setImmediate(() => {
  fs.writeSync(1, 'immediate\n');
  throw new Error('thrown after process was replaced');
});
