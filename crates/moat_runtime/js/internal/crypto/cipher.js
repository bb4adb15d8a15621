'use strict';
// Cipheriv and Decipheriv (streams), createCipheriv/createDecipheriv, getCiphers and getCipherInfo.

const { thrower } = require('internal/errors');

module.exports = {
  createCipheriv: thrower('crypto.createCipheriv'),
  createDecipheriv: thrower('crypto.createDecipheriv'),
  Cipheriv: thrower('crypto.Cipheriv'),
  Decipheriv: thrower('crypto.Decipheriv'),
  getCiphers: thrower('crypto.getCiphers'),
  getCipherInfo: thrower('crypto.getCipherInfo'),
};
