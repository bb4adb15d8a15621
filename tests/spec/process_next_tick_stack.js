// A nextTick callback's stack ends at `process.processTicksAndRejections`, its caller, as in
// Node; so does the error util.callbackify makes for a falsy rejection.
const util = require('util');

function frames(stack) {
  return stack.split('\n').slice(1).map((line) => line.trim().replace(/ \(.*\)$/, '').replace(/^at \/.*$/, 'at <file>'));
}

process.nextTick(function tickCallback() {
  console.log(frames(new Error('in a tick').stack));
});
process.nextTick(() => {
  console.log(frames(new Error('arrow in a tick').stack));
});
util.callbackify(() => Promise.reject(0))((err) => {
  console.log(err.code, err.reason, frames(err.stack));
});
