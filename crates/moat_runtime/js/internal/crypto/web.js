'use strict';
// globalThis.crypto: random values and UUIDs from the OS's generator (the host's, in the
// sandbox); the rest of Web Crypto is not implemented yet and each entry point says so.
const { thrower } = require('internal/errors');
const binding = internalBinding('crypto');

const integerArrays = new Set(['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array']);
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayName = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;

function domException(message, name) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, name);
}

class Crypto {
  getRandomValues(data) {
    if (!integerArrays.has(typedArrayName.call(data))) {
      throw domException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
    }
    if (data.byteLength > 65536) {
      throw domException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
    }
    binding.fillRandom(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return data;
  }

  randomUUID() {
    const b = new Uint8Array(16);
    binding.fillRandom(b);
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
    const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
Object.defineProperty(Crypto.prototype, 'subtle', { get: thrower('crypto.subtle'), configurable: true });
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });
module.exports = { crypto: new Crypto(), Crypto };
