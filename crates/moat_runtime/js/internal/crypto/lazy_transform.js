'use strict';
// The base of crypto's Hash and Hmac (Node's LazyTransform): a stream.Transform whose stream
// state is only built when the object is first used as a stream, so that the common
// update()/digest() use costs nothing of it.

const { Transform } = require('stream');

function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
Object.setPrototypeOf(LazyTransform, Transform);

for (const name of ['_readableState', '_writableState', '_transformState']) {
  Object.defineProperty(LazyTransform.prototype, name, {
    get() {
      Transform.call(this, this._options);
      this._writableState.decodeStrings = false;
      return this[name];
    },
    set(value) {
      Object.defineProperty(this, name, { value, enumerable: true, configurable: true, writable: true });
    },
    enumerable: true,
    configurable: true,
  });
}

module.exports = LazyTransform;
