'use strict';
// The classes the built-in modules declare. Their bytecode carries no source text, so
// `Function.prototype.toString` shows them as native functions; `util.inspect` asks here to
// print them as classes, as Node does.

const classes = new WeakSet();

function register(list) {
  for (const c of list) classes.add(c);
}

function isBuiltinClass(fn) {
  return classes.has(fn);
}

module.exports = { register, isBuiltinClass };
