'use strict';
// Argument and option checks shared by spawn, spawnSync, fork and the exec family, with Node's
// error codes and messages.

const { codes } = require('internal/errors');
const {
  validateString, validateBoolean, validateObject, validateAbortSignal, validateFunction,
} = require('internal/validators');
const { signals } = require('internal/process/object');

function checkNullBytes(value, name) {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new codes.ERR_INVALID_ARG_VALUE(name, value, 'must be a string without null bytes');
  }
}

function signalNumber(sig, name = 'signal') {
  if (typeof sig === 'number') {
    if (Object.values(signals).includes(sig)) return sig;
    throw new codes.ERR_UNKNOWN_SIGNAL(sig);
  }
  if (typeof sig === 'string') {
    const n = signals[sig.toUpperCase()];
    if (n === undefined) throw new codes.ERR_UNKNOWN_SIGNAL(sig);
    return n;
  }
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'number'], sig);
}

function signalName(n) {
  if (n == null) return null;
  for (const k of Object.keys(signals)) if (signals[k] === n) return k;
  return null;
}

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw new codes.ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new codes.ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

function validateSerialization(s) {
  if (s !== undefined && s !== 'json' && s !== 'advanced') {
    throw new codes.ERR_INVALID_ARG_VALUE('options.serialization', s, "must be one of: undefined, 'json', 'advanced'");
  }
}

let warnedShellArgs = false;

// (file, args, options) as spawn and spawnSync take them → what the binding runs.
function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  checkNullBytes(file, 'file');
  if (file.length === 0) throw new codes.ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  for (let i = 0; i < args.length; i++) checkNullBytes(args[i], `args[${i}]`);
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  options = { __proto__: null, ...options };

  let cwd = options.cwd;
  if (cwd != null) {
    cwd = require('internal/fs/utils').getValidatedPath(cwd, 'options.cwd');
    if (typeof cwd !== 'string') cwd = String(cwd);
  }
  // An empty directory means none, as in Node.
  if (cwd === '' || cwd === null) cwd = undefined;
  if (options.detached != null) validateBoolean(options.detached, 'options.detached');
  for (const id of ['uid', 'gid']) {
    const v = options[id];
    if (v != null && !(typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647)) {
      throw new codes.ERR_INVALID_ARG_TYPE(`options.${id}`, 'int32', v);
    }
  }
  if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], options.shell);
  }
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    checkNullBytes(options.argv0, 'options.argv0');
  }
  if (options.windowsHide != null) validateBoolean(options.windowsHide, 'options.windowsHide');
  if (options.windowsVerbatimArguments != null) {
    validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  }
  if (typeof options.shell === 'string') checkNullBytes(options.shell, 'options.shell');

  let spawnFile = file;
  if (options.shell) {
    if (args.length > 0 && !warnedShellArgs) {
      warnedShellArgs = true;
      process.emitWarning('Passing args to a child process with shell option true can lead to security ' +
        'vulnerabilities, as the arguments are not escaped, only concatenated.', 'DeprecationWarning', 'DEP0190');
    }
    const command = args.length > 0 ? `${file} ${args.join(' ')}` : file;
    spawnFile = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  const spawnargs = [typeof options.argv0 === 'string' ? options.argv0 : spawnFile, ...args.map((a) => `${a}`)];

  const envSource = options.env || process.env;
  const env = [];
  for (const key in envSource) {
    const value = envSource[key];
    if (value === undefined) continue;
    checkNullBytes(key, `options.env['${key}']`);
    checkNullBytes(String(value), `options.env['${key}']`);
    env.push(`${key}=${value}`);
  }
  return { file: spawnFile, args: spawnargs.slice(1), spawnargs, cwd, env, options, envPairs: env };
}

module.exports = {
  checkNullBytes, signalNumber, signalName, validateTimeout, validateMaxBuffer, validateSerialization,
  normalizeSpawnArguments, validateAbortSignal, validateFunction,
};
