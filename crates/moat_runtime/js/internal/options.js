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

// The values given to an option kept as `NAME=value` (`--disable-warning=DEP0040`), in order.
function flagValues(name) {
  const prefix = `${name}=`;
  return internalBinding('process').flags.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
}

module.exports = { hasFlag, flagValues, requireModule };
