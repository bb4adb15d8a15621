'use strict';
// node:readline/promises — the readline Interface whose question returns a promise, and
// Readline, which collects cursor control sequences and writes them on commit().

const { codes } = require('internal/errors');
const { validateInteger, validateBoolean } = require('internal/validators');
const { InterfaceConstructor, questionPromise } = require('internal/readline/interface');
const { moveSequence, clearSequence } = require('internal/readline/callbacks');
const { CSI } = require('internal/readline/utils');

class Interface extends InterfaceConstructor {
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
    // Here a completer of one argument is always awaited: its result is taken a microtask
    // later, even when it returns one synchronously.
    const given = input?.input ? input.completer : completer;
    if (typeof given === 'function' && given.length !== 2) {
      this.completer = async function completerWrapper(line, cb) {
        let value;
        try {
          value = await given(line);
        } catch (err) {
          cb(err);
          return;
        }
        cb(null, value);
      };
    }
  }

  question(query, options = {}) {
    return questionPromise(this, query, options);
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

const kStream = Symbol('stream');
const kTodo = Symbol('todo');
const kAutoCommit = Symbol('autoCommit');

// A writable stream that can still be written: one that says so through `writable`, is not
// destroyed and has not ended.
function isWritable(stream) {
  if (stream === null || typeof stream !== 'object' || typeof stream.writable !== 'boolean') return false;
  if (stream.destroyed === true || stream.writableEnded === true) return false;
  return typeof stream.write === 'function' && typeof stream.on === 'function' && stream.writable;
}

class Readline {
  constructor(stream, options = undefined) {
    if (!isWritable(stream)) throw new codes.ERR_INVALID_ARG_TYPE('stream', 'Writable', stream);
    this[kStream] = stream;
    this[kTodo] = [];
    this[kAutoCommit] = false;
    if (options?.autoCommit != null) {
      validateBoolean(options.autoCommit, 'options.autoCommit');
      this[kAutoCommit] = options.autoCommit;
    }
  }

  // Queued until commit(), or written on the next tick with autoCommit.
  #add(data) {
    if (this[kAutoCommit]) process.nextTick(() => this[kStream].write(data));
    else this[kTodo].push(data);
  }

  cursorTo(x, y = undefined) {
    validateInteger(x, 'x');
    if (y != null) validateInteger(y, 'y');
    this.#add(y == null ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`);
    return this;
  }

  moveCursor(dx, dy) {
    if (dx || dy) {
      validateInteger(dx, 'dx');
      validateInteger(dy, 'dy');
      this.#add(moveSequence(dx, dy));
    }
    return this;
  }

  clearLine(dir) {
    validateInteger(dir, 'dir', -1, 1);
    this.#add(clearSequence(dir));
    return this;
  }

  clearScreenDown() {
    this.#add(`${CSI}0J`);
    return this;
  }

  commit() {
    return new Promise((resolve) => {
      this[kStream].write(this[kTodo].join(''), resolve);
      this[kTodo] = [];
    });
  }

  rollback() {
    this[kTodo] = [];
    return this;
  }
}

module.exports = { Interface, Readline, createInterface };
