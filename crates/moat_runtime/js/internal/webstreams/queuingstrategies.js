'use strict';
// ByteLengthQueuingStrategy and CountQueuingStrategy.

const { codes } = require('internal/errors');
const { inspectCustom, shapeClass, customInspect, invalidThis } = require('internal/webstreams/util');

function readInit(init) {
  if (init === null || typeof init !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('init', 'Object', init);
  if (init.highWaterMark === undefined) throw new codes.ERR_MISSING_OPTION('init.highWaterMark');
  return +init.highWaterMark;
}

// One size function per kind, shared by every instance, as the standard has it.
const byteLengthSize = {
  size(chunk) { return chunk.byteLength; },
}.size;
const countSize = {
  size() { return 1; },
}.size;

let byteHWM;
class ByteLengthQueuingStrategy {
  #hwm;

  static {
    byteHWM = (o) => {
      if (o === null || typeof o !== 'object' || !(#hwm in o)) throw invalidThis('ByteLengthQueuingStrategy');
      return o.#hwm;
    };
  }

  constructor(init) {
    this.#hwm = readInit(init);
  }

  get highWaterMark() { return byteHWM(this); }

  get size() {
    byteHWM(this);
    return byteLengthSize;
  }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#hwm in this)) throw invalidThis('ByteLengthQueuingStrategy');
    return customInspect('ByteLengthQueuingStrategy', { highWaterMark: this.#hwm }, depth, options, inspect);
  }
}
shapeClass(ByteLengthQueuingStrategy, ['highWaterMark', 'size']);

let countHWM;
class CountQueuingStrategy {
  #hwm;

  static {
    countHWM = (o) => {
      if (o === null || typeof o !== 'object' || !(#hwm in o)) throw invalidThis('CountQueuingStrategy');
      return o.#hwm;
    };
  }

  constructor(init) {
    this.#hwm = readInit(init);
  }

  get highWaterMark() { return countHWM(this); }

  get size() {
    countHWM(this);
    return countSize;
  }

  [inspectCustom](depth, options, inspect) {
    if (this === null || typeof this !== 'object' || !(#hwm in this)) throw invalidThis('CountQueuingStrategy');
    return customInspect('CountQueuingStrategy', { highWaterMark: this.#hwm }, depth, options, inspect);
  }
}
shapeClass(CountQueuingStrategy, ['highWaterMark', 'size']);

module.exports = { ByteLengthQueuingStrategy, CountQueuingStrategy };
