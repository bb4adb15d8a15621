'use strict';
// The old name of stream.Readable, kept as in Node.

module.exports = require('internal/streams/readable');
