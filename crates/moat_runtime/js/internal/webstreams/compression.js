'use strict';
// CompressionStream and DecompressionStream: a TransformStream around node:zlib's streams.
// node:zlib is not in moat yet, so constructing one says so.

const { codes } = require('internal/errors');

class CompressionStream {
  constructor(format) {
    void format;
    throw new codes.ERR_NOT_IMPLEMENTED('CompressionStream');
  }
}

class DecompressionStream {
  constructor(format) {
    void format;
    throw new codes.ERR_NOT_IMPLEMENTED('DecompressionStream');
  }
}

module.exports = { CompressionStream, DecompressionStream };
