'use strict';
// The old name of stream.Transform, kept as in Node.

module.exports = require('internal/streams/transform');
