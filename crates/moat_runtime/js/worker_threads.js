'use strict';
// node:worker_threads — the main thread's view. Starting workers is not implemented yet.

const { thrower } = require('internal/errors');
const environmentData = new Map();
const untransferable = new WeakSet();
const { uncloneable } = require('internal/structured_clone');

module.exports = {
  isMainThread: true,
  threadId: 0,
  parentPort: null,
  workerData: null,
  resourceLimits: {},
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  getEnvironmentData: (key) => environmentData.get(key),
  setEnvironmentData(key, value) {
    if (value === undefined) environmentData.delete(key);
    else environmentData.set(key, value);
  },
  markAsUntransferable(obj) { if (obj !== null && typeof obj === 'object') untransferable.add(obj); },
  isMarkedAsUntransferable: (obj) => obj !== null && typeof obj === 'object' && untransferable.has(obj),
  markAsUncloneable(obj) { if (obj !== null && typeof obj === 'object') uncloneable.add(obj); },
  Worker: function Worker() {
    internalBinding('process').checkPermission('worker', '');
    thrower('worker_threads.Worker')();
  },
  MessageChannel: thrower('worker_threads.MessageChannel'),
  MessagePort: thrower('worker_threads.MessagePort'),
  BroadcastChannel: thrower('worker_threads.BroadcastChannel'),
  receiveMessageOnPort: thrower('worker_threads.receiveMessageOnPort'),
  moveMessagePortToContext: thrower('worker_threads.moveMessagePortToContext'),
};
