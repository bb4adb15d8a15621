'use strict';
// The line reader behind readline.Interface, readline/promises' Interface and the REPL. It
// reads an input's 'data' (or, on a terminal, its 'keypress' events) and emits 'line'; on a
// terminal it also edits the line in place, keeps a history and completes on tab.

// The real process object, even when a program has declared a global named `process`.
const realProcess = () => require('internal/process/current').get();

const EventEmitter = require('events');
const { codes, AbortError } = require('internal/errors');
const { validateAbortSignal, validateArray, validateNumber, validateString, validateUint32 } = require('internal/validators');
const { charLengthAt, charLengthLeft, commonPrefix } = require('internal/readline/utils');
const { cursorTo, moveCursor, clearScreenDown } = require('internal/readline/callbacks');
const { emitKeypressEvents, kSawKeyPress } = require('internal/readline/emit_keypress');

const kHistorySize = 30;
const kMaxHistorySize = 2 ** 32 - 1;
const kMinCrlfDelay = 100;
const kMaxUndoSteps = 2048;
// A line ends at \r\n, \n, a \r not followed by \n, or a Unicode line or paragraph separator.
const lineEnding = /\r?\n|\r(?!\n)|\u2028|\u2029/g;

const kState = Symbol('readline state');
const kQuestion = Symbol('readline question');
const kQuestionCancel = Symbol('readline question cancel');
const kOnLine = Symbol('readline on line');
const kLineIterator = Symbol('readline line iterator');

function lazyInspect(value) {
  return require('internal/util/inspect').inspect(value);
}

function stringWidth(str) {
  return require('internal/util/inspect').getStringWidth(str, false);
}

function stripVT(str) {
  return require('internal/util/inspect').stripVTControlCharacters(str);
}

class InterfaceConstructor extends EventEmitter {
  constructor(input, output, completer, terminal) {
    super();
    let history;
    let historySize;
    let removeHistoryDuplicates = false;
    let crlfDelay;
    let prompt = '> ';
    let signal;
    let escapeCodeTimeout = 500;
    let tabSize = 8;

    if (input?.input) {
      // An options object.
      const options = input;
      output = options.output;
      completer = options.completer;
      terminal = options.terminal;
      history = options.history;
      historySize = options.historySize;
      signal = options.signal;
      if (options.tabSize !== undefined) {
        validateUint32(options.tabSize, 'tabSize', true);
        tabSize = options.tabSize;
      }
      removeHistoryDuplicates = options.removeHistoryDuplicates;
      if (options.prompt !== undefined) prompt = options.prompt;
      if (options.escapeCodeTimeout !== undefined) {
        if (Number.isFinite(options.escapeCodeTimeout)) escapeCodeTimeout = options.escapeCodeTimeout;
        else throw new codes.ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', options.escapeCodeTimeout);
      }
      if (signal) validateAbortSignal(signal, 'options.signal');
      crlfDelay = options.crlfDelay;
      input = options.input;
    }

    if (completer !== undefined && typeof completer !== 'function') {
      throw new codes.ERR_INVALID_ARG_VALUE('completer', completer);
    }
    if (history === undefined) history = [];
    else validateArray(history, 'history');
    if (historySize === undefined) historySize = kHistorySize;
    validateNumber(historySize, 'historySize', 0);
    // Without a choice, a terminal is what the output is.
    if (terminal === undefined && !(output === null || output === undefined)) terminal = !!output.isTTY;

    this[kState] = {
      prompt,
      oldPrompt: undefined,
      questionCallback: null,
      decoder: null,
      lineBuffer: null,
      sawReturnAt: 0,
      previousKey: null,
      substringSearch: null,
      killRing: [],
      killRingCursor: 0,
      yanking: false,
      sawKeyPressSingly: true,
      listeners: null,
      undo: [],
      redo: [],
    };

    this.isCompletionEnabled = true;
    this.escapeCodeTimeout = escapeCodeTimeout;
    this.tabSize = tabSize;
    this.history = history;
    this.historyIndex = -1;
    this.historySize = historySize;
    this.removeHistoryDuplicates = !!removeHistoryDuplicates;
    this.line = '';
    this.output = output;
    this.input = input;
    this.crlfDelay = crlfDelay ? Math.max(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
    // A completer of one argument returns its result (or a promise of it); one of two calls
    // back.
    this.completer = completer === undefined || completer.length === 2 ? completer : function completerWrapper(line, cb) {
      let value;
      try {
        value = completer(line);
      } catch (err) {
        cb(err);
        return;
      }
      if (typeof value?.then === 'function') value.then((v) => cb(null, v), cb);
      else cb(null, value);
    };
    this.terminal = !!terminal;

    const onError = (err) => this.emit('error', err);
    const listeners = { error: onError };
    this[kState].listeners = listeners;
    input.on('error', onError);

    if (!this.terminal) {
      const { StringDecoder } = require('string_decoder');
      this[kState].decoder = new StringDecoder('utf8');
      listeners.data = (data) => this._normalWrite(data);
      listeners.end = () => {
        const rest = this[kState].lineBuffer;
        if (typeof rest === 'string' && rest.length > 0) this.emit('line', rest);
        this.close();
      };
      input.on('data', listeners.data);
      input.on('end', listeners.end);
    } else {
      emitKeypressEvents(input, this);
      listeners.keypress = (s, key) => {
        const st = this[kState];
        st.pasting = this[kSawKeyPress] === false;
        try {
          this._ttyWrite(s, key);
        } finally {
          st.pasting = false;
        }
        if (key && key.sequence) {
          // Half of a surrogate pair: show the whole character once it is complete.
          const code = key.sequence.codePointAt(0);
          if (code >= 0xd800 && code <= 0xdfff) this._refreshLine();
        }
      };
      listeners.end = () => {
        if (typeof this.line === 'string' && this.line.length > 0) this.emit('line', this.line);
        this.close();
      };
      input.on('keypress', listeners.keypress);
      input.on('end', listeners.end);
      this._setRawMode(true);
      this.terminal = true;
      this.cursor = 0;
      this.historyIndex = -1;
      if (output !== null && output !== undefined && typeof output.on === 'function') {
        listeners.resize = () => this._refreshLine();
        output.on('resize', listeners.resize);
      }
    }

    if (signal) {
      const onAborted = () => this.close();
      if (signal.aborted) {
        realProcess().nextTick(onAborted);
      } else {
        signal.addEventListener('abort', onAborted, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAborted));
      }
    }

    input.resume();
  }

  get columns() {
    if (this.output && this.output.columns) return this.output.columns;
    return Infinity;
  }

  setPrompt(prompt) {
    this[kState].prompt = prompt;
  }

  getPrompt() {
    return this[kState].prompt;
  }

  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && realProcess().env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this._refreshLine();
    } else {
      this._writeToOutput(this[kState].prompt);
    }
  }

  [kQuestion](query, cb) {
    if (this.closed) throw new codes.ERR_USE_AFTER_CLOSE('readline');
    const st = this[kState];
    if (st.questionCallback) {
      this.prompt();
    } else {
      st.oldPrompt = st.prompt;
      this.setPrompt(query);
      st.questionCallback = cb;
      this.prompt();
    }
  }

  [kQuestionCancel]() {
    const st = this[kState];
    if (st.questionCallback) {
      st.questionCallback = null;
      this.setPrompt(st.oldPrompt);
      this.clearLine();
    }
  }

  [kOnLine](line) {
    const st = this[kState];
    if (st.questionCallback) {
      const cb = st.questionCallback;
      st.questionCallback = null;
      this.setPrompt(st.oldPrompt);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this._setRawMode(false);
    this.closed = true;
    const { listeners } = this[kState];
    const input = this.input;
    for (const name of ['data', 'end', 'keypress', 'error']) {
      if (listeners[name]) input.removeListener(name, listeners[name]);
    }
    if (listeners.resize) this.output.removeListener('resize', listeners.resize);
    this.emit('close');
  }

  pause() {
    if (this.closed) throw new codes.ERR_USE_AFTER_CLOSE('readline');
    if (this.paused) return undefined;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (this.closed) throw new codes.ERR_USE_AFTER_CLOSE('readline');
    if (!this.paused) return undefined;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  write(data, key) {
    if (this.closed) throw new codes.ERR_USE_AFTER_CLOSE('readline');
    if (this.paused) this.resume();
    if (this.terminal) this._ttyWrite(data, key);
    else this._normalWrite(data);
  }

  // Ends the line being edited: the cursor goes past it and on to a new row.
  clearLine() {
    this._moveCursor(+Infinity);
    this._writeToOutput('\r\n');
    this.line = '';
    this.cursor = 0;
    this.prevRows = 0;
  }

  getCursorPos() {
    const before = this[kState].prompt + this.line.slice(0, this.cursor);
    return this._getDisplayPos(before);
  }

  [Symbol.asyncIterator]() {
    if (this[kLineIterator] === undefined) this[kLineIterator] = lineIterator(this);
    return this[kLineIterator];
  }

  // --- the underscore methods, which programs (and the REPL) call or replace ---

  _setRawMode(mode) {
    const wasRaw = this.input.isRaw;
    if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
    return wasRaw;
  }

  _onLine(line) {
    this[kOnLine](line);
  }

  _writeToOutput(stringToWrite) {
    validateString(stringToWrite, 'stringToWrite');
    if (this.output !== null && this.output !== undefined) this.output.write(stringToWrite);
  }

  _addHistory() {
    if (this.line.length === 0) return '';
    if (this.historySize === 0) return this.line;
    if (this.line.trim().length === 0) return this.line;
    if (this.history.length === 0 || this.history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const dup = this.history.indexOf(this.line);
        if (dup !== -1) this.history.splice(dup, 1);
      }
      this.history.unshift(this.line);
      if (this.history.length > this.historySize) this.history.pop();
    }
    this.historyIndex = -1;
    const line = this.history[0];
    this.emit('history', this.history);
    return line;
  }

  _refreshLine() {
    const line = this[kState].prompt + this.line;
    const end = this._getDisplayPos(line);
    const cursorPos = this.getCursorPos();
    const prevRows = this.prevRows || 0;
    if (prevRows > 0) moveCursor(this.output, 0, -prevRows);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this._writeToOutput(line);
    // A line that exactly fills its last row: move on to the next one.
    if (end.cols === 0) this._writeToOutput(' ');
    cursorTo(this.output, cursorPos.cols);
    const diff = end.rows - cursorPos.rows;
    if (diff > 0) moveCursor(this.output, 0, -diff);
    this.prevRows = cursorPos.rows;
  }

  _normalWrite(b) {
    if (b === undefined) return;
    const st = this[kState];
    let string = st.decoder.write(b);
    if (st.sawReturnAt && Date.now() - st.sawReturnAt <= this.crlfDelay) {
      // The \n of a \r\n split across chunks.
      if (string.codePointAt(0) === 10) string = string.slice(1);
      st.sawReturnAt = 0;
    }
    lineEnding.lastIndex = 0;
    let hasEnding = lineEnding.test(string);
    if (st.lineBuffer) {
      string = st.lineBuffer + string;
      st.lineBuffer = null;
      lineEnding.lastIndex = 0;
      hasEnding = lineEnding.test(string);
    }
    if (!hasEnding) {
      if (string) st.lineBuffer = string;
      return;
    }
    st.sawReturnAt = string.endsWith('\r') ? Date.now() : 0;
    lineEnding.lastIndex = 0;
    const lines = [];
    let start = 0;
    let m;
    while ((m = lineEnding.exec(string)) !== null) {
      lines.push(string.slice(start, m.index));
      start = lineEnding.lastIndex;
    }
    const rest = string.slice(start);
    if (rest) st.lineBuffer = rest;
    for (const line of lines) this[kOnLine](line);
  }

  _insertString(c) {
    this._beforeEdit();
    if (this.cursor < this.line.length) {
      this.line = this.line.slice(0, this.cursor) + c + this.line.slice(this.cursor);
      this.cursor += c.length;
      this._refreshLine();
      return;
    }
    const oldPos = this.getCursorPos();
    this.line += c;
    this.cursor += c.length;
    const newPos = this.getCursorPos();
    if (oldPos.rows < newPos.rows && !this[kState].pasting) this._refreshLine();
    else this._writeToOutput(c);
  }

  _tabComplete(lastKeypressWasTab) {
    this.pause();
    const string = this.line.slice(0, this.cursor);
    this.completer(string, (err, value) => {
      this.resume();
      if (err) {
        this._writeToOutput(`Tab completion error: ${lazyInspect(err)}`);
        return;
      }
      const completions = value?.[0];
      const completeOn = value?.[1];
      if (!completions || completions.length === 0) return;
      const prefix = commonPrefix(completions.filter((e) => e !== ''));
      if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
        this._insertString(prefix.slice(completeOn.length));
        return;
      }
      if (!completeOn.startsWith(prefix)) {
        this.line = this.line.slice(0, this.cursor - completeOn.length) + prefix + this.line.slice(this.cursor);
        this.cursor = this.cursor - completeOn.length + prefix.length;
        this._refreshLine();
        return;
      }
      if (!lastKeypressWasTab) return;
      // A second tab lists the completions, in columns as wide as the longest one.
      const widths = completions.map((e) => stringWidth(e));
      const width = Math.max(...widths) + 2;
      let maxColumns = Math.floor(this.columns / width) || 1;
      if (maxColumns === Infinity) maxColumns = 1;
      let out = '\r\n';
      let column = 0;
      let pad = 0;
      for (let i = 0; i < completions.length; i++) {
        const completion = completions[i];
        if (completion === '' || column === maxColumns) {
          out += '\r\n';
          column = 0;
          pad = 0;
        } else {
          out += ' '.repeat(pad);
        }
        if (completion !== '') {
          out += completion;
          pad = width - widths[i];
          column++;
        } else {
          out += '\r\n';
        }
      }
      if (column !== 0) out += '\r\n\r\n';
      this._writeToOutput(out);
      this._refreshLine();
    });
  }

  _wordLeft() {
    if (this.cursor > 0) this._moveCursor(-wordLeftLength(this.line.slice(0, this.cursor)));
  }

  _wordRight() {
    if (this.cursor < this.line.length) {
      const m = /^(?:\s+|[^\w\s]+|\w+)\s*/.exec(this.line.slice(this.cursor));
      this._moveCursor(m[0].length);
    }
  }

  _deleteLeft() {
    if (this.cursor > 0 && this.line.length > 0) {
      this._beforeEdit();
      const n = charLengthLeft(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor - n) + this.line.slice(this.cursor);
      this.cursor -= n;
      this._refreshLine();
    }
  }

  _deleteRight() {
    if (this.cursor < this.line.length) {
      this._beforeEdit();
      const n = charLengthAt(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + n);
      this._refreshLine();
    }
  }

  _deleteWordLeft() {
    if (this.cursor > 0) {
      this._beforeEdit();
      const n = wordLeftLength(this.line.slice(0, this.cursor));
      this.line = this.line.slice(0, this.cursor - n) + this.line.slice(this.cursor);
      this.cursor -= n;
      this._refreshLine();
    }
  }

  _deleteWordRight() {
    if (this.cursor < this.line.length) {
      this._beforeEdit();
      const trailing = this.line.slice(this.cursor);
      const m = /^(?:\s+|\W+|\w+)\s*/.exec(trailing);
      this.line = this.line.slice(0, this.cursor) + trailing.slice(m[0].length);
      this._refreshLine();
    }
  }

  _deleteLineLeft() {
    this._beforeEdit();
    this._kill(this.line.slice(0, this.cursor));
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
    this._refreshLine();
  }

  _deleteLineRight() {
    this._beforeEdit();
    this._kill(this.line.slice(this.cursor));
    this.line = this.line.slice(0, this.cursor);
    this._refreshLine();
  }

  _line() {
    const line = this._addHistory();
    this[kState].undo = [];
    this[kState].redo = [];
    this.clearLine();
    this._onLine(line);
  }

  _historyNext() {
    if (this.historyIndex >= 0) {
      this._beforeEdit();
      const search = this[kState].substringSearch || '';
      let index = this.historyIndex - 1;
      while (index >= 0 && ((search && !this.history[index].startsWith(search)) || this.line === this.history[index])) {
        index--;
      }
      this.line = index === -1 ? search : this.history[index];
      this.historyIndex = index;
      this.cursor = this.line.length;
      this._refreshLine();
    }
  }

  _historyPrev() {
    if (this.historyIndex < this.history.length && this.history.length) {
      this._beforeEdit();
      const search = this[kState].substringSearch || '';
      let index = this.historyIndex + 1;
      while (index < this.history.length &&
        ((search && !this.history[index].startsWith(search)) || this.line === this.history[index])) {
        index++;
      }
      this.line = index === this.history.length ? search : this.history[index];
      this.historyIndex = index;
      this.cursor = this.line.length;
      this._refreshLine();
    }
  }

  // Columns and rows of a string shown from the terminal's first column: wide characters take
  // two columns (and never straddle a row's end), tabs stop every tabSize columns.
  _getDisplayPos(str) {
    let offset = 0;
    const col = this.columns;
    let rows = 0;
    str = stripVT(str);
    for (const ch of str) {
      if (ch === '\n') {
        rows += Math.ceil(offset / col) || 1;
        offset = 0;
        continue;
      }
      if (ch === '\t') {
        offset += this.tabSize - (offset % this.tabSize);
        continue;
      }
      const width = stringWidth(ch);
      if (width === 0 || width === 1) {
        offset += width;
      } else {
        if ((offset + 1) % col === 0) offset++;
        offset += 2;
      }
    }
    const cols = offset % col;
    rows += (offset - cols) / col;
    return { cols, rows };
  }

  _getCursorPos() {
    return this.getCursorPos();
  }

  _moveCursor(dx) {
    if (dx === 0) return;
    const oldPos = this.getCursorPos();
    this.cursor += dx;
    if (this.cursor < 0) this.cursor = 0;
    else if (this.cursor > this.line.length) this.cursor = this.line.length;
    const newPos = this.getCursorPos();
    if (oldPos.rows === newPos.rows) moveCursor(this.output, newPos.cols - oldPos.cols, 0);
    else this._refreshLine();
  }

  // Called before each change to the line: what it was goes on the undo stack.
  _beforeEdit() {
    const st = this[kState];
    st.undo.push({ text: this.line, cursor: this.cursor });
    if (st.undo.length > kMaxUndoSteps) st.undo.shift();
  }

  #undo(from, to) {
    if (from.length === 0) return;
    to.push({ text: this.line, cursor: this.cursor });
    const entry = from.pop();
    this.line = entry.text;
    this.cursor = entry.cursor;
    this._refreshLine();
  }

  // Ctrl-K and Ctrl-U keep what they delete for Ctrl-Y (and Meta-Y after it).
  _kill(text) {
    if (text.length === 0) return;
    const st = this[kState];
    st.killRing.unshift(text);
    if (st.killRing.length > kHistorySize) st.killRing.pop();
    st.killRingCursor = 0;
  }

  _yank() {
    const st = this[kState];
    if (st.killRing.length === 0) return;
    st.yanking = true;
    st.killRingCursor = 0;
    this._insertString(st.killRing[0]);
  }

  _yankPop() {
    const st = this[kState];
    if (!st.yanking || st.killRing.length <= 1) return;
    const last = st.killRing[st.killRingCursor];
    st.killRingCursor = (st.killRingCursor + 1) % st.killRing.length;
    const next = st.killRing[st.killRingCursor];
    const head = this.line.slice(0, this.cursor - last.length);
    const tail = this.line.slice(this.cursor);
    this.line = head + next + tail;
    this.cursor = head.length + next.length;
    this._refreshLine();
  }

  // One key on a terminal that cannot move its cursor (TERM=dumb): keys only add text,
  // end the line, or interrupt.
  #ttyWriteDumb(s, key) {
    const st = this[kState];
    key = key || {};
    if (key.name === 'escape') return;
    if (st.sawReturnAt && key.name !== 'enter') st.sawReturnAt = 0;
    if (key.ctrl && key.name === 'c') {
      if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
      else this.close();
      return;
    }
    if (key.ctrl && key.name === 'd') {
      this.close();
      return;
    }
    switch (key.name) {
      case 'return':
        st.sawReturnAt = Date.now();
        this._line();
        break;
      case 'enter':
        if (st.sawReturnAt === 0 || Date.now() - st.sawReturnAt > this.crlfDelay) this._line();
        st.sawReturnAt = 0;
        break;
      default:
        if (typeof s === 'string' && s) {
          this.line += s;
          this.cursor += s.length;
          this._writeToOutput(s);
        }
    }
  }

  // One key on a terminal.
  _ttyWrite(s, key) {
    if (realProcess().env.TERM === 'dumb') {
      this.#ttyWriteDumb(s, key);
      return;
    }
    const st = this[kState];
    const previousKey = st.previousKey;
    key = key || {};
    st.previousKey = key;
    if (!key.meta || key.name !== 'y') st.yanking = false;
    // Going through the history with the arrow keys finds lines that start with what was
    // typed before the first step; any other key ends that search, and leaves the position
    // past the oldest line.
    if ((key.name === 'up' || key.name === 'down') && !key.ctrl && !key.meta && !key.shift) {
      if (st.substringSearch === null) st.substringSearch = this.line.slice(0, this.cursor);
    } else if (st.substringSearch !== null) {
      st.substringSearch = null;
      if (this.historyIndex === this.history.length) this.historyIndex = -1;
    }
    if (key.name === 'escape') return;

    // Ctrl-_ undoes the last change to the line, Ctrl-^ redoes it.
    if (typeof key.sequence === 'string') {
      const code = key.sequence.codePointAt(0);
      if (code === 0x1f) {
        this.#undo(st.undo, st.redo);
        return;
      }
      if (code === 0x1e) {
        this.#undo(st.redo, st.undo);
        return;
      }
    }

    if (key.ctrl && key.shift) {
      switch (key.name) {
        case 'backspace': this._deleteLineLeft(); break;
        case 'delete': this._deleteLineRight(); break;
      }
    } else if (key.ctrl) {
      switch (key.name) {
        case 'c':
          if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
          else this.close();
          break;
        case 'h': this._deleteLeft(); break;
        case 'd':
          if (this.cursor === 0 && this.line.length === 0) this.close();
          else if (this.cursor < this.line.length) this._deleteRight();
          break;
        case 'u': this._deleteLineLeft(); break;
        case 'k': this._deleteLineRight(); break;
        case 'a': this._moveCursor(-Infinity); break;
        case 'e': this._moveCursor(+Infinity); break;
        case 'b': this._moveCursor(-charLengthLeft(this.line, this.cursor)); break;
        case 'f': this._moveCursor(+charLengthAt(this.line, this.cursor)); break;
        case 'l':
          cursorTo(this.output, 0, 0);
          clearScreenDown(this.output);
          this._refreshLine();
          break;
        case 'n': this._historyNext(); break;
        case 'p': this._historyPrev(); break;
        case 'y': this._yank(); break;
        case 'z':
          if (this.listenerCount('SIGTSTP') > 0) {
            this.emit('SIGTSTP');
          } else {
            realProcess().once('SIGCONT', () => {
              if (!this.paused) {
                this.pause();
                this.emit('SIGCONT');
              }
              this._setRawMode(true);
              this._refreshLine();
            });
            this._setRawMode(false);
            realProcess().kill(realProcess().pid, 'SIGTSTP');
          }
          break;
        case 'w':
        case 'backspace':
          this._deleteWordLeft();
          break;
        case 'delete': this._deleteWordRight(); break;
        case 'left': this._wordLeft(); break;
        case 'right': this._wordRight(); break;
      }
    } else if (key.meta) {
      switch (key.name) {
        case 'b': this._wordLeft(); break;
        case 'f': this._wordRight(); break;
        case 'd':
        case 'delete':
          this._deleteWordRight();
          break;
        case 'backspace': this._deleteWordLeft(); break;
        case 'y': this._yankPop(); break;
      }
    } else {
      if (st.sawReturnAt && key.name !== 'enter') st.sawReturnAt = 0;
      switch (key.name) {
        case 'return':
          st.sawReturnAt = Date.now();
          this._line();
          break;
        case 'enter':
          // The \n of a \r\n is not a second line.
          if (st.sawReturnAt === 0 || Date.now() - st.sawReturnAt > this.crlfDelay) this._line();
          st.sawReturnAt = 0;
          break;
        case 'backspace': this._deleteLeft(); break;
        case 'delete': this._deleteRight(); break;
        case 'left': this._moveCursor(-charLengthLeft(this.line, this.cursor)); break;
        case 'right': this._moveCursor(+charLengthAt(this.line, this.cursor)); break;
        case 'home': this._moveCursor(-Infinity); break;
        case 'end': this._moveCursor(+Infinity); break;
        case 'up': this._historyPrev(); break;
        case 'down': this._historyNext(); break;
        case 'tab':
          if (typeof this.completer === 'function' && this.isCompletionEnabled) {
            this._tabComplete(previousKey !== null && previousKey.name === 'tab');
            break;
          }
        // Without completion a tab is text.
        // falls through
        default:
          if (typeof s === 'string' && s) {
            // Pasted text may hold several lines.
            let start = 0;
            const re = new RegExp(lineEnding.source, 'g');
            let m;
            while ((m = re.exec(s)) !== null) {
              this._insertString(s.slice(start, m.index));
              start = re.lastIndex;
              this._line();
            }
            this._insertString(s.slice(start));
          }
      }
    }
  }
}

// The length of the word (and the blanks after it) that ends at the end of `leading`.
function wordLeftLength(leading) {
  const m = /(?:[^\w\s]+|\w+)?\s*$/.exec(leading);
  return m[0].length;
}

// for await (const line of rl): lines queue up while the loop is busy; the input pauses when
// many are waiting. Leaving the loop early stops the queueing; the interface stays open.
function lineIterator(rl) {
  const queue = [];
  const waiting = [];
  let error = null;
  let done = false;
  const highWaterMark = 1024;
  const lowWaterMark = 1;
  let pausedByUs = false;

  const settle = () => {
    while (waiting.length > 0) {
      const { resolve, reject } = waiting.shift();
      if (queue.length > 0) {
        resolve({ value: take(), done: false });
      } else if (error !== null) {
        const err = error;
        error = null;
        done = true;
        reject(err);
      } else if (done) {
        resolve({ value: undefined, done: true });
      } else {
        waiting.unshift({ resolve, reject });
        break;
      }
    }
  };
  const take = () => {
    const value = queue.shift();
    if (pausedByUs && queue.length < lowWaterMark && !rl.closed) {
      pausedByUs = false;
      rl.resume();
    }
    return value;
  };
  const onLine = (line) => {
    queue.push(line);
    if (queue.length > highWaterMark && !rl.paused) {
      pausedByUs = true;
      rl.pause();
    }
    settle();
  };
  const cleanup = () => {
    rl.removeListener('line', onLine);
    rl.removeListener('close', onClose);
    rl.removeListener('error', onError);
  };
  const onClose = () => {
    done = true;
    cleanup();
    settle();
  };
  const onError = (err) => {
    error = err;
    cleanup();
    settle();
  };
  rl.on('line', onLine);
  rl.on('close', onClose);
  rl.on('error', onError);
  if (rl.closed) onClose();

  const iterator = {
    next() {
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        settle();
      });
    },
    return() {
      done = true;
      queue.length = 0;
      cleanup();
      settle();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      done = true;
      queue.length = 0;
      cleanup();
      settle();
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() { return this; },
  };
  Object.defineProperty(iterator, Symbol.for('nodejs.watermarkData'), {
    value: {
      get size() { return queue.length; },
      get low() { return lowWaterMark; },
      get high() { return highWaterMark; },
      get isPaused() { return pausedByUs; },
    },
  });
  Object.setPrototypeOf(iterator, Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}.prototype)));
  return iterator;
}

// The question with an AbortSignal, for the promise forms: rejects with an AbortError when
// the signal fires first.
function questionPromise(rl, query, options) {
  return new Promise((resolve, reject) => {
    let cb = resolve;
    const signal = options?.signal;
    if (signal) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) {
        reject(new AbortError(undefined, { cause: signal.reason }));
        return;
      }
      const onAbort = () => {
        rl[kQuestionCancel]();
        reject(new AbortError(undefined, { cause: signal.reason }));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      cb = (answer) => {
        signal.removeEventListener('abort', onAbort);
        resolve(answer);
      };
    }
    rl[kQuestion](query, cb);
  });
}

module.exports = { InterfaceConstructor, kQuestion, kQuestionCancel, kHistorySize, kMaxHistorySize, questionPromise };
