'use strict';
// node:worker_threads — the main thread's view: message channels within the thread; starting
// workers is not implemented yet.

const { thrower } = require('internal/errors');
const environmentData = new Map();
const { uncloneable, untransferable, markUntransferable } = require('internal/structured_clone');
const messaging = require('internal/worker/messaging');

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
  markAsUntransferable(obj) { if (obj !== null && typeof obj === 'object') markUntransferable(obj); },
  isMarkedAsUntransferable: (obj) => obj !== null && typeof obj === 'object' && untransferable.has(obj),
  markAsUncloneable(obj) { if (obj !== null && typeof obj === 'object') uncloneable.add(obj); },
  Worker: function Worker() {
    internalBinding('process').checkPermission('worker', '');
    thrower('worker_threads.Worker')();
  },
  MessageChannel: messaging.MessageChannel,
  MessagePort: messaging.MessagePort,
  BroadcastChannel: messaging.BroadcastChannel,
  receiveMessageOnPort: messaging.receiveMessageOnPort,
  moveMessagePortToContext: thrower('worker_threads.moveMessagePortToContext'),
};
