'use strict';
// node:constants — the OS and fs constants in one object (deprecated in Node, still loaded).
const os = require('os');
const fs = require('fs');
module.exports = {
  ...os.constants.dlopen, ...os.constants.errno, ...os.constants.priority, ...os.constants.signals, ...fs.constants,
};
