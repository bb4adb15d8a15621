'use strict';
// The old name of stream.PassThrough, kept as in Node.

module.exports = require('internal/streams/passthrough');
