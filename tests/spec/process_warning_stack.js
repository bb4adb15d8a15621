// A warning built by process.emitWarning has a stack that starts at its caller (or at the
// frame of the `ctor` given); one "(Use `node --trace-…`)" hint is printed for the whole run.
const path = require('path');
const frames = [];
process.on('warning', (w) => frames.push(`${w.name}: ${(w.stack.split('\n')[1] || '').trim().replace(__dirname + path.sep, '')}`));
function caller() { process.emitWarning('from caller'); }
caller();
function wrapper() { process.emitWarning('hidden wrapper', { ctor: wrapper }); }
(function outer() { wrapper(); })();
process.emitWarning('dep', 'DeprecationWarning', 'DEP9999');
process.emitWarning('second');
setImmediate(() => console.log(frames.map((f) => f.replace(/:\d+:\d+\)?$/, '')).join('\n')));
