'use strict';
// tracingChannel: traceSync, tracePromise and traceCallback publish start/end/asyncStart/
// asyncEnd/error with one context object, and bound stores follow the traced work.
const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');

const tc = dc.tracingChannel('work');
console.log('channel names', tc.start.name, tc.end.name, tc.asyncStart.name, tc.asyncEnd.name, tc.error.name);
console.log('no subscribers', tc.hasSubscribers, 'untraced result', tc.traceSync((x) => x + 1, {}, null, 1));

const events = [];
const show = (ev) => (ctx) => events.push(`${ev} ${JSON.stringify({ ...ctx, error: ctx.error && ctx.error.message })}`);
const handlers = {
  start: show('start'), end: show('end'), asyncStart: show('asyncStart'), asyncEnd: show('asyncEnd'), error: show('error'),
};
tc.subscribe(handlers);
console.log('subscribed', tc.hasSubscribers, dc.hasSubscribers('tracing:work:start'));

const flush = (label) => { console.log(label); for (const e of events.splice(0)) console.log('  ' + e); };

console.log('traceSync returns', tc.traceSync(function (a, b) { return this.base + a + b; }, { op: 'sync' }, { base: 10 }, 1, 2));
flush('sync');
try {
  tc.traceSync(() => { throw new Error('sync failure'); }, { op: 'sync-throw' });
} catch (err) {
  console.log('rethrown', err.message);
}
flush('sync throw');

const als = new AsyncLocalStorage();
tc.start.bindStore(als, (ctx) => `store for ${ctx.op}`);

(async () => {
  const v = await tc.tracePromise(async (x) => {
    console.log('inside tracePromise', als.getStore());
    return x * 2;
  }, { op: 'promise' }, null, 21);
  console.log('tracePromise resolved', v);
  flush('promise');
  await tc.tracePromise(() => Promise.reject(new Error('async failure')), { op: 'promise-reject' }).catch((e) => console.log('rejected', e.message));
  flush('promise reject');
  const plain = tc.tracePromise(() => 5, { op: 'not-a-promise' });
  console.log('non-promise result is wrapped', plain instanceof Promise, await plain);
  flush('non-promise');

  await new Promise((resolve) => {
    tc.traceCallback(function (n, cb) {
      console.log('inside traceCallback', als.getStore());
      setTimeout(() => cb(null, n + 1), 1);
    }, -1, { op: 'callback' }, null, 41, (err, res) => {
      console.log('callback got', err, res, 'store', als.getStore());
      resolve();
    });
  });
  flush('callback');
  await new Promise((resolve) => {
    tc.traceCallback((cb) => setImmediate(cb, new Error('cb failure')), 0, { op: 'callback-error' }, null, (err) => {
      console.log('callback error', err.message);
      resolve();
    });
  });
  flush('callback error');
  console.log('unsubscribe', tc.unsubscribe(handlers), tc.unsubscribe(handlers), tc.hasSubscribers);
  tc.start.unbindStore(als);
  console.log('after unbind', tc.hasSubscribers);
})();
