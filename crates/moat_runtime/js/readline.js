'use strict';
// node:readline — reading a stream line by line, and on a terminal editing the line with
// history and completion (internal/readline/interface); cursor control sequences; key events.

const { validateAbortSignal } = require('internal/validators');
const { AbortError } = require('internal/errors');
const {
  InterfaceConstructor, kQuestion, kQuestionCancel, questionPromise,
} = require('internal/readline/interface');
const { cursorTo, moveCursor, clearLine, clearScreenDown } = require('internal/readline/callbacks');
const { emitKeypressEvents } = require('internal/readline/emit_keypress');

// A function as well as a class: `readline.Interface(...)` without `new` makes one too.
function Interface(input, output, completer, terminal) {
  if (new.target === undefined) return new Interface(input, output, completer, terminal);
  return Reflect.construct(InterfaceConstructor, [input, output, completer, terminal], new.target);
}
Object.setPrototypeOf(Interface.prototype, InterfaceConstructor.prototype);
Object.setPrototypeOf(Interface, InterfaceConstructor);

Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options !== null && typeof options === 'object') {
    const { signal } = options;
    if (signal) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      const onAbort = () => this[kQuestionCancel]();
      signal.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => signal.removeEventListener('abort', onAbort);
      const original = cb;
      cb = typeof cb === 'function' ? (answer) => {
        cleanup();
        return original(answer);
      } : cleanup;
    }
  }
  if (typeof cb === 'function') this[kQuestion](query, cb);
};

// util.promisify(rl.question): a promise of the answer, rejected with an AbortError when its
// signal fires.
Object.defineProperty(Interface.prototype.question, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  configurable: true,
  writable: true,
  value: function question(query, options) {
    if (options?.signal && options.signal.aborted) {
      return Promise.reject(new AbortError(undefined, { cause: options.signal.reason }));
    }
    return questionPromise(this, query, options);
  },
});

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};

Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return require('readline/promises'); },
});
