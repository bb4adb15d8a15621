'use strict';
// Sign and Verify (streams), sign() and verify(), and RSA's publicEncrypt, privateDecrypt,
// privateEncrypt and publicDecrypt.

const { thrower } = require('internal/errors');

module.exports = {
  createSign: thrower('crypto.createSign'),
  createVerify: thrower('crypto.createVerify'),
  Sign: thrower('crypto.Sign'),
  Verify: thrower('crypto.Verify'),
  sign: thrower('crypto.sign'),
  verify: thrower('crypto.verify'),
  publicEncrypt: thrower('crypto.publicEncrypt'),
  privateDecrypt: thrower('crypto.privateDecrypt'),
  privateEncrypt: thrower('crypto.privateEncrypt'),
  publicDecrypt: thrower('crypto.publicDecrypt'),
};
