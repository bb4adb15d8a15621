'use strict';
// Node's report of an uncaught error on stderr (internal/main decides when one is fatal).

// Node prints the source line of the throw site, a caret under it, then the stack.
function sourceContext(err) {
  if (err === null || typeof err !== 'object' || typeof err.stack !== 'string') return '';
  const m = /\n\s+at (?:.*?\()?(\/[^:()]+):(\d+):(\d+)\)?/.exec(err.stack);
  if (!m) return '';
  let text;
  try { text = internalBinding('fs').readFileUtf8(m[1]); } catch { return ''; }
  const line = text.split('\n')[Number(m[2]) - 1];
  if (line === undefined) return '';
  return `${m[1]}:${m[2]}\n${line}\n${' '.repeat(caretColumn(line, Number(m[3]) - 1))}^\n\n`;
}

// Where the caret goes under the throw site's line. The stack gives where the error was made;
// V8 points at the throw: for `throw new Error(…)` on that line, the `throw`.
function caretColumn(line, column) {
  if (!(column >= 0 && column < line.length)) return line.length - line.trimStart().length;
  const before = line.slice(0, column);
  const thrown = /\bthrow\s+(?:new\s+)?$/.exec(before);
  return thrown ? thrown.index : column;
}

// Node's report of an uncaught exception: the throw site, then the error as inspect shows it.
// A thrown value that is not an error (no stack) is shown alone, primitives with a hint.
function printFatal(err) {
  const { inspect } = require('internal/util/inspect');
  // The real process object, whatever the program put in the global's place.
  const process = require('internal/process/current').get();
  require('internal/error_stack').explainStacklessError(err);
  const isErrorLike = err instanceof Error || (err !== null && typeof err === 'object' && typeof err.stack === 'string');
  let body;
  try {
    // An error the engine raised without a stack (an exhausted call stack) reads as its
    // first line, as V8's stack would begin.
    if (err instanceof Error && typeof err.stack !== 'string') body = Error.prototype.toString.call(err);
    else body = inspect(err, { colors: false });
  } catch {
    body = String(err);
  }
  if (isErrorLike) {
    const ctx = noSourceContext.has(err) ? '' : sourceContext(err);
    process._rawWrite(2, `${ctx}${body}\n\nNode.js ${process.version}\n`);
    return;
  }
  const primitive = err === null || (typeof err !== 'object' && typeof err !== 'function');
  const hint = primitive ? `\n(Use \`${process.release.name} --trace-uncaught ...\` to show where the exception was thrown)` : '';
  const shown = typeof err === 'string' ? err : body;
  process._rawWrite(2, `\n${shown}${hint}\n\nNode.js ${process.version}\n`);
}
// Errors moat raises itself, whose throw site is not the user's code.
const noSourceContext = new WeakSet();

// The error Node reports for a promise rejected with a value that is not an Error.
function rejectionError(reason) {
  const { inspect } = require('internal/util/inspect');
  const err = new Error('This error originated either by throwing inside of an async function without a catch block, ' +
    'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason ' +
    `"${inspect(reason)}".`);
  err.name = 'UnhandledPromiseRejection';
  err.code = 'ERR_UNHANDLED_REJECTION';
  noSourceContext.add(err);
  return err;
}

module.exports = { printFatal, rejectionError };
