'use strict';
// The options in force, from NODE_OPTIONS and the command line (`process.execArgv` shows only
// the command line's).

let given;
function hasFlag(name) {
  given ??= new Set(internalBinding('process').flags);
  return given.has(name);
}

// require() of ES modules, on unless `--no-experimental-require-module`.
function requireModule() {
  return !hasFlag('--no-experimental-require-module');
}

module.exports = { hasFlag, requireModule };
