'use strict';
// node:worker_threads — Worker (internal/worker/thread), message channels, and this thread's
// view: whether it is the main thread, its id, its parent's port and the data it was given.

const { thrower } = require('internal/errors');
const { uncloneable, untransferable, markUntransferable } = require('internal/structured_clone');
const messaging = require('internal/worker/messaging');
const thread = require('internal/worker/thread');

const self = thread.self;
const { environmentData } = thread;

module.exports = {
  isInternalThread: false,
  isMainThread: self.isMainThread,
  threadId: self.threadId,
  threadName: self.isMainThread ? '' : self.threadName,
  parentPort: self.parentPort,
  workerData: self.isMainThread ? null : self.workerData,
  resourceLimits: self.resourceLimits,
  SHARE_ENV: thread.SHARE_ENV,
  getEnvironmentData: (key) => environmentData.get(key),
  setEnvironmentData(key, value) {
    if (value === undefined) environmentData.delete(key);
    else environmentData.set(key, value);
  },
  markAsUntransferable(obj) { if (obj !== null && typeof obj === 'object') markUntransferable(obj); },
  isMarkedAsUntransferable: (obj) => obj !== null && typeof obj === 'object' && untransferable.has(obj),
  markAsUncloneable(obj) { if (obj !== null && typeof obj === 'object') uncloneable.add(obj); },
  Worker: thread.Worker,
  MessageChannel: messaging.MessageChannel,
  MessagePort: messaging.MessagePort,
  BroadcastChannel: messaging.BroadcastChannel,
  receiveMessageOnPort: messaging.receiveMessageOnPort,
  moveMessagePortToContext: thrower('worker_threads.moveMessagePortToContext'),
  postMessageToThread: thrower('worker_threads.postMessageToThread'),
};
