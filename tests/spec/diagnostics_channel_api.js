'use strict';
// diagnostics_channel: channels by name, publish/subscribe, unsubscribe during publish, errors
// thrown by subscribers, and bound AsyncLocalStorage stores with runStores.
const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');

console.log(Object.keys(dc).sort().join());
const ch = dc.channel('app:event');
console.log('same object', ch === dc.channel('app:event'), ch instanceof dc.Channel, ch.name);
const sym = Symbol('sym-channel');
console.log('symbol name', dc.channel(sym).name === sym);
console.log('no subscribers', ch.hasSubscribers, dc.hasSubscribers('app:event'));
ch.publish('nobody hears this');

const a = (msg, name) => console.log('a got', msg, name);
const b = function (msg) {
  console.log('b got', msg, 'this is the channel', this === ch);
  ch.unsubscribe(b);
};
ch.subscribe(a);
dc.subscribe('app:event', b);
console.log('subscribed', ch.hasSubscribers, dc.hasSubscribers('app:event'));
ch.publish({ n: 1 });
ch.publish({ n: 2 });
console.log('unsubscribe a', dc.unsubscribe('app:event', a), 'again', ch.unsubscribe(a));
console.log('empty again', ch.hasSubscribers);

// A throwing subscriber: the others still run; the error surfaces as an uncaught exception.
process.on('uncaughtException', (err) => console.log('uncaught:', err.message));
const errs = dc.channel('app:errors');
errs.subscribe(() => { throw new Error('subscriber failed'); });
errs.subscribe((m) => console.log('second subscriber still ran', m));
errs.publish('payload');
console.log('publish returned normally');

// Stores bound to a channel are entered around runStores.
const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
const st = dc.channel('app:stores');
console.log('bindStore gives subscribers', (st.bindStore(als, (data) => ({ wrapped: data.id })), st.hasSubscribers));
st.bindStore(other);
st.subscribe((data) => console.log('subscriber sees store', als.getStore(), other.getStore() === data));
const result = st.runStores({ id: 7 }, function (x) {
  console.log('fn sees', als.getStore(), this.self, x);
  return 'result';
}, { self: 'thisArg' }, 'arg');
console.log('runStores returned', result, 'after', als.getStore());
console.log('unbindStore', st.unbindStore(als), st.unbindStore(als), st.unbindStore(other), st.hasSubscribers);
st.bindStore(als, () => { throw new Error('transform failed'); });
st.runStores({}, () => console.log('fn still runs, store', als.getStore()));
