'use strict';
// createHook: init/before/after/destroy for timers, immediates and ticks, with the ids and
// trigger ids that tie them together; executionAsyncId inside each callback; enable/disable.
const ah = require('async_hooks');
const fs = require('fs');

const log = [];
const names = new Map();
const nameOf = (id) => {
  if (id === 1) return 'top';
  if (!names.has(id)) names.set(id, `r${names.size}`);
  return names.get(id);
};
const wanted = new Set(['Timeout', 'Immediate', 'TickObject']);
const mine = new Set();
const hook = ah.createHook({
  init(id, type, trigger, resource) {
    if (!wanted.has(type)) return;
    mine.add(id);
    log.push(`init ${nameOf(id)} ${type} from ${nameOf(trigger)} ${typeof resource}`);
  },
  before(id) { if (mine.has(id)) log.push(`before ${nameOf(id)} eid-matches=${ah.executionAsyncId() === id}`); },
  after(id) { if (mine.has(id)) log.push(`after ${nameOf(id)}`); },
  destroy(id) { if (mine.has(id)) log.push(`destroy ${nameOf(id)}`); },
});
const enabled = hook.enable() === hook;

const t = setTimeout(() => {
  log.push(`timeout runs as ${nameOf(ah.executionAsyncId())}, triggered by ${nameOf(ah.triggerAsyncId())}, primitive matches ${+t === ah.executionAsyncId()}`);
  process.nextTick(() => log.push(`tick runs as ${nameOf(ah.executionAsyncId())}`));
  setImmediate(() => {
    log.push(`immediate runs as ${nameOf(ah.executionAsyncId())}, triggered by ${nameOf(ah.triggerAsyncId())}`);
    const cleared = setTimeout(() => {}, 1000);
    clearTimeout(cleared);
  });
}, 1);

setTimeout(() => {
  hook.disable();
  setTimeout(() => {
    // Nothing more is heard once disabled.
    fs.writeSync(1, `enable returns the hook ${enabled}\n${log.join('\n')}\n`);
  }, 1);
}, 30);
