'use strict';
// process.finalization: callbacks run at 'exit' (or 'beforeExit') for objects still alive then.
// An object collected before that drops its callback; the registry holds it weakly.

const { codes } = require('internal/errors');

// For each event, the registrations: { ref: WeakRef to the object, fn }.
const lists = { exit: new Set(), beforeExit: new Set() };
const tokens = new WeakMap();
const registry = new FinalizationRegistry((entry) => {
  lists.exit.delete(entry);
  lists.beforeExit.delete(entry);
  sync();
});

const listeners = {
  exit: () => run('exit'),
  beforeExit: () => run('beforeExit'),
};
const installed = { exit: false, beforeExit: false };

// A listener on an event for as long as something is registered for it.
function sync() {
  for (const event of ['exit', 'beforeExit']) {
    const want = lists[event].size > 0;
    if (want && !installed[event]) process.on(event, listeners[event]);
    else if (!want && installed[event]) process.removeListener(event, listeners[event]);
    installed[event] = want;
  }
}

function run(event) {
  for (const entry of [...lists[event]]) {
    const obj = entry.ref.deref();
    if (obj !== undefined) entry.fn(obj, event);
  }
  if (event === 'exit') lists.exit.clear();
  sync();
}

// Each of the API's functions warns the first time it is called.
const warned = new Set();
function warnExperimental(name) {
  if (warned.has(name)) return;
  warned.add(name);
  process.emitWarning(`process.finalization.${name} is an experimental feature and might change at any time`,
    'ExperimentalWarning');
}

function add(event, obj, fn) {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) {
    throw new codes.ERR_INVALID_ARG_TYPE('obj', 'object', obj);
  }
  warnExperimental(event === 'exit' ? 'register' : 'registerBeforeExit');
  const entry = { ref: new WeakRef(obj), fn };
  lists[event].add(entry);
  let own = tokens.get(obj);
  if (own === undefined) tokens.set(obj, own = []);
  own.push(entry);
  registry.register(obj, entry, entry);
  sync();
}

const finalization = {
  register(obj, fn) { add('exit', obj, fn); },
  registerBeforeExit(obj, fn) { add('beforeExit', obj, fn); },
  unregister(obj) {
    warnExperimental('unregister');
    const own = tokens.get(obj);
    if (own === undefined) return;
    tokens.delete(obj);
    for (const entry of own) {
      lists.exit.delete(entry);
      lists.beforeExit.delete(entry);
      registry.unregister(entry);
    }
    sync();
  },
};

module.exports = { finalization };
