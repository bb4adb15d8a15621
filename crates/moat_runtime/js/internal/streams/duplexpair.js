'use strict';
// duplexPair(): two connected Duplex streams; what one side writes, the other side reads.

const Duplex = require('internal/streams/duplex');

const kCallback = Symbol('kCallback');
const kOtherSide = Symbol('kOtherSide');

function DuplexSide(options) {
  Duplex.call(this, options);
  this[kCallback] = null;
  this[kOtherSide] = null;
}
Object.setPrototypeOf(DuplexSide.prototype, Duplex.prototype);
Object.setPrototypeOf(DuplexSide, Duplex);
Object.defineProperty(DuplexSide, 'name', { __proto__: null, value: 'DuplexSide' });

DuplexSide.prototype._read = function _read() {
  const callback = this[kCallback];
  if (callback) {
    this[kCallback] = null;
    callback();
  }
};

DuplexSide.prototype._write = function _write(chunk, encoding, callback) {
  if (chunk.length === 0) {
    process.nextTick(callback);
  } else {
    this[kOtherSide].push(chunk);
    this[kOtherSide][kCallback] = callback;
  }
};

DuplexSide.prototype._final = function _final(callback) {
  this[kOtherSide].on('end', callback);
  this[kOtherSide].push(null);
};

DuplexSide.prototype._destroy = function _destroy(err, callback) {
  const other = this[kOtherSide];
  if (other !== null && !other.destroyed) other.destroy();
  callback(err);
};

function duplexPair(options) {
  const side0 = new DuplexSide(options);
  const side1 = new DuplexSide(options);
  side0[kOtherSide] = side1;
  side1[kOtherSide] = side0;
  return [side0, side1];
}

module.exports = duplexPair;
