'use strict';
// `moat` with no script on a terminal: the interactive REPL, as `node` starts it. Code runs in
// the global scope; the session's history persists in NODE_REPL_HISTORY (a path; empty to
// keep none), or else ~/.node_repl_history, where the file can be read and written.

function historyPath() {
  const env = process.env.NODE_REPL_HISTORY;
  if (env !== undefined) return env.trim();
  const home = require('os').homedir();
  return home ? require('path').join(home, '.node_repl_history') : '';
}

function start() {
  const repl = require('repl');
  process.stdout.write(`Welcome to moat ${process.versions.moat} (Node.js ${process.version}).\n` +
    'Type ".help" for more information.\n');
  const server = repl.start({
    prompt: '> ',
    useGlobal: true,
    ignoreUndefined: false,
  });
  let path = '';
  try {
    path = historyPath();
  } catch {
    // no home directory to keep history in
  }
  if (path) server.setupHistory(path, () => {});
  // Errors thrown later by code typed in (a callback, a timer) are reported, and the session
  // goes on, as in node.
  process.on('uncaughtException', (err) => server[Symbol.for('moat.repl.reportError')](err));
  server.on('exit', () => {
    if (server.terminal) process.stdout.write('\r\n');
    process.exit();
  });
  return server;
}

module.exports = { start };
