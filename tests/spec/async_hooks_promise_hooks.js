'use strict';
// createHook and promises made with `new Promise` and `.then`: init (triggered by the parent
// promise), promiseResolve, and before/after around each reaction, with the reaction's promise as
// the execution id — for a value and for a returned pending promise (resolved through its then).
const ah = require('async_hooks');
const fs = require('fs');

const log = [];
const names = new Map();
const nameOf = (id) => {
  if (id === 1) return 'top';
  if (!names.has(id)) names.set(id, `p${names.size}`);
  return names.get(id);
};
const promises = new Set();
const hook = ah.createHook({
  init(id, type, trigger, resource) {
    if (type !== 'PROMISE') return;
    promises.add(id);
    log.push(`init ${nameOf(id)} from ${nameOf(trigger)} resource-is-promise=${resource instanceof Promise}`);
  },
  before(id) { if (promises.has(id)) log.push(`before ${nameOf(id)}`); },
  after(id) { if (promises.has(id)) log.push(`after ${nameOf(id)}`); },
  promiseResolve(id) { if (promises.has(id)) log.push(`resolve ${nameOf(id)}`); },
}).enable();

const step = (label) => log.push(`-- ${label} (runs as ${nameOf(ah.executionAsyncId())}, triggered by ${nameOf(ah.triggerAsyncId())})`);
const a = new Promise((resolve) => setTimeout(resolve, 1, 'x'));
a.then((v) => { step('returns a value'); return v; })
  .then(() => { step('returns a pending promise'); return new Promise((resolve) => setTimeout(resolve, 1)); })
  .then(() => {
    step('last');
    hook.disable();
    fs.writeSync(1, log.join('\n') + '\n');
  });
