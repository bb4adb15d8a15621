'use strict';
// The old name of stream.Duplex, kept as in Node.

module.exports = require('internal/streams/duplex');
