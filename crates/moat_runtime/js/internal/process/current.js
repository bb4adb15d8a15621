'use strict';
// The `process` object, built on first use: a program that never reaches for `process` (nor
// for anything that needs it) does not pay for building it.

let current;
// Fields set before `process` exists, applied when it is built.
const pending = [];

function get() {
  if (current === undefined) {
    current = require('internal/process/object').create();
    for (const [key, value] of pending) current[key] = value;
    pending.length = 0;
  }
  return current;
}

// `process` if it has been built, else undefined (then no listener can be waiting on it).
function peek() {
  return current;
}

function assign(key, value) {
  if (current !== undefined) current[key] = value;
  else pending.push([key, value]);
}

module.exports = { get, peek, assign };
