'use strict';
// node:repl — the read-eval-print loop: a readline Interface that evaluates each line (or the
// lines of an unfinished statement together), prints the result through util.inspect, and
// understands dot-commands. Code runs in this realm's global scope: moat has no vm contexts
// that outlive one run, so `context` is the global object.

// The real process object, even when a program has declared a global named `process`.
const realProcess = () => require('internal/process/current').get();

const fs = require('fs');
const { validateFunction } = require('internal/validators');
const { inspect } = require('internal/util/inspect');
const { InterfaceConstructor } = require('internal/readline/interface');
const { isRecoverable, wrapTopLevelAwait } = require('internal/repl/source');

const loader = internalBinding('loader');

const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');
const kMultilinePrompt = '| ';

// A syntax error that more input may fix; an eval function reports one to ask for more lines.
class Recoverable extends SyntaxError {
  constructor(err) {
    super();
    this.err = err;
  }
}

function writer(obj) {
  return inspect(obj, writer.options);
}
writer.options = { ...inspect.defaultOptions, showProxy: true };

let nextScriptId = 0;

class REPLServer extends InterfaceConstructor {
  constructor(prompt, stream, eval_, useGlobal, ignoreUndefined, replMode) {
    let options;
    if (prompt !== null && typeof prompt === 'object') {
      options = { ...prompt };
      stream = options.stream || options.socket;
      eval_ = options.eval;
      useGlobal = options.useGlobal;
      ignoreUndefined = options.ignoreUndefined;
      prompt = options.prompt;
      replMode = options.replMode;
    } else {
      options = {};
    }
    if (!options.input && !options.output) {
      stream ||= process;
      options.input = stream.stdin || stream;
      options.output = stream.stdout || stream;
    }
    if (options.terminal === undefined) options.terminal = !!options.output.isTTY;
    options.terminal = !!options.terminal;
    if (options.terminal && options.useColors === undefined) options.useColors = shouldColorize(options.output);
    if (prompt === undefined) prompt = '> ';
    if (eval_ !== undefined) validateFunction(eval_, 'options.eval');

    super({
      input: options.input,
      output: options.output,
      completer: options.completer || ((line, cb) => replComplete(this, line, cb)),
      terminal: options.terminal,
      historySize: options.historySize,
      prompt,
    });

    this.useColors = !!options.useColors;
    this.useGlobal = !!useGlobal;
    this.ignoreUndefined = !!ignoreUndefined;
    this.replMode = replMode || REPL_MODE_SLOPPY;
    this.underscoreAssigned = false;
    this.last = undefined;
    this.underscoreErrAssigned = false;
    this.lastError = undefined;
    this.breakEvalOnSigint = !!options.breakEvalOnSigint;
    this.editorMode = false;
    this._initialPrompt = prompt;
    this[kBuffered] = '';
    this.lines = [];
    this.lines.level = [];
    this.commands = { __proto__: null };
    // Node keeps a domain here for errors thrown outside an evaluation; moat has no domains,
    // and an uncaught error ends the process instead, so nothing is emitted on it.
    this._domain = new (require('events'))();
    this.eval = eval_ || defaultEval;

    if (options.writer !== undefined) {
      this.writer = options.writer;
    } else if (this.useColors) {
      this.writer = (obj) => inspect(obj, { ...writer.options, colors: true });
    } else {
      this.writer = writer;
    }

    this.resetContext();
    defineDefaultCommands(this);

    let sawSIGINT = false;
    this.on('close', () => this.emit('exit'));
    this.on('SIGINT', () => {
      const empty = this.line.length === 0;
      this.clearLine();
      turnOffEditorMode(this);
      if (!this[kBuffered] && empty) {
        if (sawSIGINT) {
          this.close();
          sawSIGINT = false;
          return;
        }
        this.output.write('(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
        sawSIGINT = true;
      } else {
        sawSIGINT = false;
      }
      this.clearBufferedCommand();
      this.lines.level = [];
      this.displayPrompt();
    });
    this.on('line', (cmd) => {
      sawSIGINT = false;
      onLine(this, cmd || '');
    });

    this.displayPrompt();
  }

  get bufferedCommand() { return this[kBuffered]; }

  get inputStream() { return this.input; }
  set inputStream(value) { this.input = value; }
  get outputStream() { return this.output; }
  set outputStream(value) { this.output = value; }

  clearBufferedCommand() {
    this[kBuffered] = '';
  }

  resetContext() {
    const context = globalThis;
    this.context = context;
    this.underscoreAssigned = false;
    this.underscoreErrAssigned = false;
    this.lines = [];
    this.lines.level = [];
    const repl = this;
    Object.defineProperty(context, '_', {
      configurable: true,
      get: () => repl.last,
      set: (value) => {
        repl.last = value;
        if (!repl.underscoreAssigned) {
          repl.underscoreAssigned = true;
          repl.output.write('Expression assignment to _ now disabled.\n');
        }
      },
    });
    Object.defineProperty(context, '_error', {
      configurable: true,
      get: () => repl.lastError,
      set: (value) => {
        repl.lastError = value;
        if (!repl.underscoreErrAssigned) {
          repl.underscoreErrAssigned = true;
          repl.output.write('Expression assignment to _error now disabled.\n');
        }
      },
    });
    // Built-in modules are globals of the REPL, loaded on first use.
    for (const name of require('module').builtinModules) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name) || name.startsWith('_') || name in context) continue;
      Object.defineProperty(context, name, {
        configurable: true,
        get() {
          const value = require(name);
          Object.defineProperty(context, name, { configurable: true, writable: true, value });
          return value;
        },
        set(value) {
          Object.defineProperty(context, name, { configurable: true, writable: true, enumerable: true, value });
        },
      });
    }
    this.emit('reset', context);
  }

  setPrompt(prompt) {
    this._initialPrompt = prompt;
    super.setPrompt(prompt);
  }

  displayPrompt(preserveCursor) {
    let prompt = this._initialPrompt;
    if (this[kBuffered].length > 0) {
      const level = this.lines.level.length > 0 ? this.lines.level.length - 1 : 0;
      prompt = `${kMultilinePrompt.slice(0, -1)}${' '.repeat(level * 2)} `;
    }
    InterfaceConstructor.prototype.setPrompt.call(this, prompt);
    this.prompt(preserveCursor);
  }

  defineCommand(keyword, cmd) {
    if (typeof cmd === 'function') cmd = { action: cmd };
    else validateFunction(cmd.action, 'cmd.action');
    this.commands[keyword] = cmd;
  }

  parseREPLKeyword(keyword, rest) {
    const cmd = this.commands[keyword];
    if (cmd) {
      cmd.action.call(this, rest);
      return true;
    }
    return false;
  }

  complete(line, callback) {
    this.completer(line, callback);
  }

  completeOnEditorMode(callback) {
    return (err, results) => callback(err, results);
  }

  // An error thrown outside an evaluation (in a callback or timer of code typed in), reported
  // like an evaluation's.
  [Symbol.for('moat.repl.reportError')](err) {
    reportError(this, err);
  }

  setupHistory(historyPath, cb) {
    setupHistory(this, historyPath, cb);
  }

  // Editor mode: Ctrl-D runs what was typed, Ctrl-C drops it.
  _ttyWrite(s, key) {
    if (this.editorMode && key && key.ctrl && key.name === 'd') {
      turnOffEditorMode(this);
      const code = this[kBuffered] + this.line;
      this.line = '';
      this.cursor = 0;
      this.clearBufferedCommand();
      this._writeToOutput('\n');
      evaluate(this, code, code);
      return;
    }
    if (this.editorMode && key && (key.name === 'return' || key.name === 'enter') && !key.ctrl && !key.meta) {
      // Newlines stay in the buffer; nothing runs yet.
      this[kBuffered] += `${this.line}\n`;
      this.line = '';
      this.cursor = 0;
      this._writeToOutput('\r\n');
      return;
    }
    super._ttyWrite(s, key);
  }
}

const kBuffered = Symbol('bufferedCommand');

// `throw null` and `throw undefined` still count as errors, though the value is falsy.
class ThrownValue {
  constructor(value) { this.value = value; }
}
function thrownValue(err) {
  return err === null || err === undefined ? new ThrownValue(err) : err;
}

// In editor mode lines collect without a prompt until Ctrl-D.
function turnOnEditorMode(repl) {
  repl.editorMode = true;
  InterfaceConstructor.prototype.setPrompt.call(repl, '');
}

function turnOffEditorMode(repl) {
  repl.editorMode = false;
  repl.setPrompt(repl._initialPrompt);
}

// Colours when the output is a terminal that has them (or FORCE_COLOR says so).
function shouldColorize(stream) {
  if (realProcess().env.FORCE_COLOR !== undefined) return require('tty').WriteStream.prototype.getColorDepth.call(stream) > 2;
  return !!stream?.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
}

function onLine(repl, cmd) {
  if (repl.editorMode) {
    repl[kBuffered] += `${cmd}\n`;
    return;
  }
  const trimmed = cmd.trim();
  if (trimmed && trimmed[0] === '.' && trimmed[1] !== '.' && Number.isNaN(parseFloat(trimmed))) {
    const m = /^\.([^\s]+)\s*(.*)$/.exec(trimmed);
    if (m !== null && repl.parseREPLKeyword(m[1], m[2]) === true) return;
    if (!repl[kBuffered]) {
      repl.output.write('Invalid REPL keyword\n');
      repl.displayPrompt();
      return;
    }
  }
  evaluate(repl, `${repl[kBuffered]}${cmd}\n`, cmd);
}

function evaluate(repl, code, cmd) {
  repl.eval(code, repl.context, `REPL${++nextScriptId}`, (...args) => {
    let [err, result] = args;
    if (err && err instanceof Recoverable) {
      repl[kBuffered] += `${cmd}\n`;
      repl.lines.push(cmd);
      repl.displayPrompt();
      return;
    }
    if (cmd !== undefined) repl.lines.push(cmd);
    repl.clearBufferedCommand();
    if (err instanceof ThrownValue) {
      reportError(repl, err.value);
      return;
    }
    if (err) {
      reportError(repl, err);
      return;
    }
    // An eval that calls back with no result (as for an empty line) prints nothing.
    if (args.length === 2 && (!repl.ignoreUndefined || result !== undefined)) {
      if (!repl.underscoreAssigned) repl.last = result;
      repl.output.write(`${repl.writer(result)}\n`);
    }
    repl.displayPrompt();
  });
}

// Stack frames of the REPL's own machinery, and the top level of the evaluated code, are
// left out of an uncaught error's trace.
function trimStack(stack) {
  const lines = stack.split('\n');
  const kept = [];
  for (const line of lines) {
    if (/^\s+at /.test(line)) {
      if (/^\s+at (?:<eval> )?\(?REPL\d+:\d+(?::\d+)?\)?$/.test(line) || /node:(?:repl|internal)/.test(line) ||
          /^\s+at (?:<anonymous>|evaluate|onLine|defaultEval)\b/.test(line)) break;
    }
    kept.push(line);
  }
  return kept.join('\n');
}

function reportError(repl, err) {
  if (!repl.underscoreErrAssigned) repl.lastError = err;
  let text;
  if (err instanceof Error) {
    const stack = typeof err.stack === 'string' ? trimStack(err.stack) : undefined;
    const saved = Object.getOwnPropertyDescriptor(err, 'stack');
    if (stack !== undefined && (saved === undefined || saved.configurable)) {
      Object.defineProperty(err, 'stack', { value: stack, configurable: true, writable: true, enumerable: false });
    }
    text = repl.writer(err);
    if (saved) Object.defineProperty(err, 'stack', saved);
    else delete err.stack;
    // An error shown on one line keeps its old form, without brackets.
    if (text[0] === '[' && text[text.length - 1] === ']' && !text.includes('\n')) text = text.slice(1, -1);
  } else {
    text = repl.writer(err);
  }
  repl.output.write(`Uncaught ${text}\n`);
  repl.clearBufferedCommand();
  repl.lines.level = [];
  repl.displayPrompt();
}

function compile(code, filename) {
  loader.checkScript(code, filename);
}

function run(code, filename) {
  return loader.evalScript(code, filename);
}

function defaultEval(code, context, file, cb) {
  let source = code;
  if (this.replMode === REPL_MODE_STRICT && source.trim() !== '') source = `'use strict'; void 0;\n${source}`;
  // A line that starts with '{' is an object literal when it parses as one.
  let wrapped = false;
  if (/^\s*\{/.test(source) && !/;\s*$/.test(source)) {
    const attempt = `(${source.trim()})\n`;
    try {
      compile(attempt, file);
      source = attempt;
      wrapped = true;
    } catch {
      // a block, then
    }
  }
  if (/^\s*$/.test(source)) {
    cb(null);
    return;
  }
  let asyncBody = null;
  try {
    compile(source, file);
  } catch (err) {
    const wrappedAwait = wrapped ? null : wrapTopLevelAwait(source);
    if (wrappedAwait !== null) {
      for (const body of [wrappedAwait.body, wrappedAwait.bodyNoReturn]) {
        try {
          compile(body, file);
          asyncBody = { prelude: wrappedAwait.prelude, body };
          break;
        } catch {
          // try the next form
        }
      }
    }
    if (asyncBody === null) {
      cb(isRecoverable(err, code) ? new Recoverable(err) : err);
      return;
    }
  }
  let result;
  try {
    if (asyncBody !== null) {
      if (asyncBody.prelude) run(asyncBody.prelude, file);
      result = run(asyncBody.body, file);
    } else {
      result = run(source, file);
    }
  } catch (err) {
    cb(thrownValue(err));
    return;
  }
  if (asyncBody !== null) {
    this.pause();
    Promise.resolve(result).then((value) => {
      this.resume();
      cb(null, value);
    }, (err) => {
      this.resume();
      cb(thrownValue(err));
    });
    return;
  }
  cb(null, result);
}

function defineDefaultCommands(repl) {
  repl.defineCommand('break', {
    help: 'Sometimes you get stuck, this gets you out',
    action() {
      this.clearBufferedCommand();
      this.displayPrompt();
    },
  });
  repl.defineCommand('clear', {
    help: repl.useGlobal ? 'Alias for .break' : 'Break, and also clear the local context',
    action() {
      this.clearBufferedCommand();
      if (!this.useGlobal) {
        this.output.write('Clearing context...\n');
        this.resetContext();
      }
      this.displayPrompt();
    },
  });
  repl.defineCommand('exit', {
    help: 'Exit the REPL',
    action() {
      this.close();
    },
  });
  repl.defineCommand('help', {
    help: 'Print this help message',
    action() {
      const names = Object.keys(this.commands).sort();
      const width = Math.max(...names.map((n) => n.length));
      for (const name of names) {
        const cmd = this.commands[name];
        const pad = ' '.repeat(width - name.length + 3);
        this.output.write(`.${name}${cmd.help ? pad + cmd.help : ''}\n`);
      }
      this.output.write('\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n');
      this.displayPrompt();
    },
  });
  repl.defineCommand('save', {
    help: 'Save all evaluated commands in this REPL session to a file',
    action(file) {
      try {
        fs.writeFileSync(file, this.lines.join('\n'));
        this.output.write(`Session saved to: ${file}\n`);
      } catch {
        this.output.write(`Failed to save: ${file}\n`);
      }
      this.displayPrompt();
    },
  });
  repl.defineCommand('load', {
    help: 'Load JS from a file into the REPL session',
    action(file) {
      try {
        const stats = fs.statSync(file);
        if (stats.isFile()) {
          // The file goes in as if typed in editor mode, then runs as one piece.
          turnOnEditorMode(this);
          const data = fs.readFileSync(file, 'utf8');
          this.write(data);
          turnOffEditorMode(this);
          this.write('\n');
          return;
        }
        this.output.write(`Failed to load: ${file} is not a valid file\n`);
      } catch {
        this.output.write(`Failed to load: ${file}\n`);
      }
      this.displayPrompt();
    },
  });
  if (repl.terminal) {
    repl.defineCommand('editor', {
      help: 'Enter editor mode',
      action() {
        turnOnEditorMode(this);
        this.output.write('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
      },
    });
  }
}

const KEYWORDS = [
  'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'let',
  'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while',
  'with', 'yield',
];

// Property names along an object's prototype chain, nearest first.
function propertyNames(obj) {
  const names = [];
  const seen = new Set();
  let o = obj;
  for (let depth = 0; o !== null && o !== undefined && depth < 16; depth++) {
    let own;
    try {
      own = Object.getOwnPropertyNames(o);
    } catch {
      break;
    }
    for (const n of own) {
      if (!seen.has(n) && /^[A-Za-z_$][\w$]*$/.test(n)) {
        seen.add(n);
        names.push(n);
      }
    }
    o = Object.getPrototypeOf(Object(o));
  }
  return names;
}

// Tab completion: dot-commands, then the globals or the properties of a chain of names
// (`process.std` completes on process's properties). Nothing is evaluated but property reads.
function replComplete(repl, line, callback) {
  if (/^\s*\.\w*$/.test(line)) {
    const partial = line.trim().slice(1);
    const names = Object.keys(repl.commands).filter((n) => n.startsWith(partial));
    callback(null, [names, partial]);
    return;
  }
  const m = /((?:[A-Za-z_$][\w$]*\??\.)*)([A-Za-z_$][\w$]*)?$/.exec(line);
  const chain = m ? m[1] : '';
  const partial = (m && m[2]) || '';
  let candidates;
  if (chain) {
    // A chain of names only reads variables and properties; global lexical bindings (let,
    // const, class) are not properties of the context, so the chain is evaluated.
    let value;
    try {
      value = run(chain.replace(/\??\.$/, ''), 'repl-completion');
    } catch {
      value = undefined;
    }
    if (value === null || value === undefined) {
      callback(null, [[], chain + partial]);
      return;
    }
    candidates = propertyNames(value).map((n) => chain + n);
  } else {
    candidates = [...propertyNames(repl.context), ...KEYWORDS];
  }
  const word = chain + partial;
  const completions = [...new Set(candidates.filter((c) => c.startsWith(word)))].sort();
  callback(null, [completions, word]);
}

function setupHistory(repl, historyPath, cb) {
  if (typeof historyPath === 'function') {
    cb = historyPath;
    historyPath = undefined;
  }
  if (typeof historyPath === 'object' && historyPath !== null) historyPath = historyPath.filePath;
  if (typeof cb !== 'function') cb = () => {};
  if (!historyPath) {
    realProcess().nextTick(cb, null, repl);
    return;
  }
  try {
    const text = fs.readFileSync(historyPath, 'utf8');
    repl.history = text.split(/\r?\n/).filter(Boolean).slice(0, repl.historySize);
  } catch (err) {
    // A sandbox that grants no access to the file keeps no history, and says nothing of it.
    if (err.code === 'ERR_ACCESS_DENIED') {
      realProcess().nextTick(cb, null, repl);
      return;
    }
    if (err.code !== 'ENOENT') {
      repl._writeToOutput(`\nError: Could not open history file.\nREPL session history will not be persisted.\n`);
      realProcess().nextTick(cb, null, repl);
      return;
    }
  }
  repl.on('history', (history) => {
    try {
      fs.writeFileSync(historyPath, history.join('\n'), { mode: 0o600 });
    } catch {
      // history is best kept, never fatal
    }
  });
  realProcess().nextTick(cb, null, repl);
}

function start(prompt, source, eval_, useGlobal, ignoreUndefined, replMode) {
  return new REPLServer(prompt, source, eval_, useGlobal, ignoreUndefined, replMode);
}

module.exports = {
  start,
  writer,
  REPLServer,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
};

Object.defineProperty(module.exports, 'builtinModules', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  get() { return require('module').builtinModules.filter((m) => !m.startsWith('_')); },
});
