'use strict';
// The argument errors of node:async_hooks and node:diagnostics_channel: code and message.
const { AsyncLocalStorage, AsyncResource, createHook } = require('async_hooks');
const dc = require('diagnostics_channel');

function check(label, fn) {
  try {
    fn();
    console.log(label, 'no error');
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}

check('ALS options number', () => new AsyncLocalStorage(1));
check('ALS options null', () => new AsyncLocalStorage(null));
check('ALS.bind', () => AsyncLocalStorage.bind('nope'));
check('AsyncResource no type', () => new AsyncResource());
check('AsyncResource type number', () => new AsyncResource(5));
check('AsyncResource trigger -2', () => new AsyncResource('x', { triggerAsyncId: -2 }));
check('AsyncResource trigger 1.5', () => new AsyncResource('x', { triggerAsyncId: 1.5 }));
check('AsyncResource trigger NaN', () => new AsyncResource('x', NaN));
check('AsyncResource trigger -1 ok', () => new AsyncResource('x', -1));
check('AsyncResource#bind', () => new AsyncResource('x').bind({}));
for (const k of ['init', 'before', 'after', 'destroy', 'promiseResolve']) {
  check(`createHook ${k}`, () => createHook({ [k]: 'x' }));
}
check('createHook empty ok', () => createHook({}));

check('channel(1)', () => dc.channel(1));
check('channel({})', () => dc.channel({}));
check('subscribe(1, fn)', () => dc.subscribe(1, () => {}));
check('subscribe(name, 1)', () => dc.subscribe('x', 1));
check('Channel#subscribe(1)', () => dc.channel('y').subscribe(1));
check('tracingChannel(1)', () => dc.tracingChannel(1));
check('tracingChannel(null)', () => dc.tracingChannel(null));
check('tracingChannel({ start: 1 })', () => dc.tracingChannel({ start: 1 }));
const tc = dc.tracingChannel('errs');
tc.subscribe({ start() {} });
check('traceCallback without a callback', () => tc.traceCallback(() => {}, 0, {}, null, 'not-a-function'));
console.log('unsubscribe unknown', dc.unsubscribe('never-made', () => {}), dc.channel('y').unsubscribe(() => {}));
