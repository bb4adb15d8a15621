'use strict';
// KeyObject and the functions that make keys: createSecretKey, createPublicKey, createPrivateKey,
// generateKey(Sync), generateKeyPair(Sync), and diffieHellman() over key objects.

const { thrower } = require('internal/errors');

module.exports = {
  KeyObject: thrower('crypto.KeyObject'),
  createSecretKey: thrower('crypto.createSecretKey'),
  createPublicKey: thrower('crypto.createPublicKey'),
  createPrivateKey: thrower('crypto.createPrivateKey'),
  generateKey: thrower('crypto.generateKey'),
  generateKeySync: thrower('crypto.generateKeySync'),
  generateKeyPair: thrower('crypto.generateKeyPair'),
  generateKeyPairSync: thrower('crypto.generateKeyPairSync'),
  diffieHellman: thrower('crypto.diffieHellman'),
};
