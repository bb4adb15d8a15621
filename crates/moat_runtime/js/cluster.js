'use strict';
// node:cluster — this process is always the primary; forking workers is not implemented yet.

const EventEmitter = require('events');
const { thrower } = require('internal/errors');

const cluster = new EventEmitter();
Object.assign(cluster, {
  isPrimary: true,
  isMaster: true,
  isWorker: false,
  workers: {},
  settings: {},
  SCHED_NONE: 1,
  SCHED_RR: 2,
  schedulingPolicy: 2,
  fork: thrower('cluster.fork'),
  setupPrimary: thrower('cluster.setupPrimary'),
  setupMaster: thrower('cluster.setupMaster'),
  disconnect: thrower('cluster.disconnect'),
});
module.exports = cluster;
