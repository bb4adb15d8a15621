'use strict';
// The old name of stream.Writable, kept as in Node.

module.exports = require('internal/streams/writable');
