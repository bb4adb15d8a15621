'use strict';
// AsyncResource: ids, runInAsyncScope, bind (instance and static), emitDestroy, and the store
// it captured when made.
const { AsyncResource, AsyncLocalStorage, executionAsyncId, triggerAsyncId, executionAsyncResource } = require('async_hooks');

const als = new AsyncLocalStorage();
const r = als.run('made-here', () => new AsyncResource('MY_RESOURCE'));
console.log('ids are integers', Number.isInteger(r.asyncId()), r.asyncId() > 1);
console.log('trigger is the top level', r.triggerAsyncId() === executionAsyncId(), executionAsyncId(), triggerAsyncId());
console.log('custom trigger', new AsyncResource('T', { triggerAsyncId: 42 }).triggerAsyncId(), new AsyncResource('T', 7).triggerAsyncId());
const r2 = new AsyncResource('T');
console.log('ids grow', r2.asyncId() > r.asyncId());

const out = r.runInAsyncScope(function (x, y) {
  console.log('inside: store', als.getStore(), 'eid is the resource', executionAsyncId() === r.asyncId(),
    'trigger', triggerAsyncId() === r.triggerAsyncId(), 'resource', executionAsyncResource() === r, 'this', this.t);
  return x * y;
}, { t: 'thisArg' }, 6, 7);
console.log('returned', out, 'store after', als.getStore(), 'eid after', executionAsyncId());

try {
  r.runInAsyncScope(() => { throw new Error('boom'); });
} catch (err) {
  console.log('caught', err.message, executionAsyncId(), als.getStore());
}

const f = r.bind(function (a, b) { return [als.getStore(), this === globalThis || this === undefined ? 'default-this' : this.k, a, b]; });
console.log('bound length', f.length, f(1, 2), f.call({ k: 'call-this' }, 3, 4));
const g = r.bind(function () { return this.k; }, { k: 'bound-this' });
console.log('bound with thisArg', g.call({ k: 'ignored' }));

const h = als.run('static', () => AsyncResource.bind((a) => [als.getStore(), a]));
console.log('static bind', h('arg'), h.length);

console.log('emitDestroy returns this', r.emitDestroy() === r, r.emitDestroy() === r);
console.log(Object.getOwnPropertyNames(AsyncResource.prototype).sort().join());
