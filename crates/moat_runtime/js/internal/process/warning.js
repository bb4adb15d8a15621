'use strict';
// process.emitWarning: builds the warning, emits 'warning', and prints it like Node unless
// --no-warnings (or a listener on the flag) says otherwise.

const { codes } = require('internal/errors');

let hintShown = false;

// The warning as an Error, or undefined when deprecations are silenced.
// `top` is the API function the program called: the stack starts at its caller (or at `ctor`'s).
function makeWarning(top, warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('type', 'string', type);
  if (typeof code === 'function') { ctor = code; code = undefined; }
  else if (code !== undefined && typeof code !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('code', 'string', code);
  if (typeof warning === 'string') {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const w = new Error(warning);
    Error.stackTraceLimit = limit;
    w.name = String(type || 'Warning');
    if (code !== undefined) w.code = code;
    if (detail !== undefined) w.detail = detail;
    Error.captureStackTrace(w, typeof ctor === 'function' ? ctor : top);
    warning = w;
  } else if (!(warning instanceof Error)) {
    throw new codes.ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return undefined;
    // Thrown from a tick of its own, as an uncaught exception: the caller goes on.
    if (process.throwDeprecation) {
      process.nextTick(() => { throw warning; });
      return undefined;
    }
  }
  return warning;
}

function emitWarning(...args) {
  const top = typeof process.emitWarning === 'function' ? process.emitWarning : emitWarning;
  const warning = makeWarning(top, ...args);
  if (warning !== undefined) process.nextTick(() => process.emit('warning', warning));
}

// For a warning that must show before what follows it at once (an error about to end the
// process): emitted now, not on the next tick.
function emitWarningSync(...args) {
  const warning = makeWarning(emitWarningSync, ...args);
  if (warning !== undefined) process.emit('warning', warning);
}

// What `--disable-warning` silences: codes and types.
let disabled;

function onWarning(warning) {
  // Only an Error is printed: a program may emit 'warning' with anything.
  if (!(warning instanceof Error)) return;
  const { hasFlag } = require('internal/options');
  if (hasFlag('--no-warnings')) return;
  if (warning.name === 'DeprecationWarning' && hasFlag('--no-deprecation')) return;
  disabled ??= new Set(require('internal/options').flagValues('--disable-warning'));
  if (disabled.has(warning.name) || (warning.code !== undefined && disabled.has(warning.code))) return;
  const trace = hasFlag('--trace-warnings') || (warning.name === 'DeprecationWarning' && process.traceDeprecation);
  let msg = `(${process.release.name === 'node' ? 'node' : 'moat'}:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) msg += warning.stack;
  else msg += typeof warning.toString === 'function' ? warning.toString() : Error.prototype.toString.call(warning);
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  // Node shows the hint once, with the first warning printed.
  const flag = warning.name === 'DeprecationWarning' ? '--trace-deprecation' : '--trace-warnings';
  if (!trace && !hintShown) {
    hintShown = true;
    msg += `\n(Use \`${process.release.name} ${flag} ...\` to show where the warning was created)`;
  }
  write(`${msg}\n`);
}

// --redirect-warnings=FILE (or NODE_REDIRECT_WARNINGS) appends warnings to a file; when it
// cannot be written they go to stderr.
let redirectTo;
function write(text) {
  if (redirectTo === undefined) {
    redirectTo = require('internal/options').flagValues('--redirect-warnings').at(-1) ??
      process.env.NODE_REDIRECT_WARNINGS ?? null;
  }
  if (redirectTo) {
    try {
      require('fs').appendFileSync(redirectTo, text);
      return;
    } catch {
      // Falls back to stderr, as Node does.
    }
  }
  process.stderr.write(text);
}

module.exports = { emitWarning, emitWarningSync, onWarning };
