'use strict';
// fs.ReadStream and fs.WriteStream: not implemented yet; each says so.

const { thrower } = require('internal/errors');

module.exports = {
  ReadStream: thrower('fs.ReadStream'),
  WriteStream: thrower('fs.WriteStream'),
};
