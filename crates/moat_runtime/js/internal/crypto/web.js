'use strict';
// globalThis.crypto: present, as in Node; the cryptography itself is not implemented yet and
// each entry point says so.
const { thrower } = require('internal/errors');
class Crypto {}
Crypto.prototype.getRandomValues = thrower('crypto.getRandomValues');
Crypto.prototype.randomUUID = thrower('crypto.randomUUID');
Object.defineProperty(Crypto.prototype, 'subtle', { get: thrower('crypto.subtle'), configurable: true });
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });
module.exports = { crypto: new Crypto(), Crypto };
