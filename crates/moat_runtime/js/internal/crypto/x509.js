'use strict';
// X509Certificate and Certificate (SPKAC).

const { thrower } = require('internal/errors');

module.exports = {
  X509Certificate: thrower('crypto.X509Certificate'),
  Certificate: thrower('crypto.Certificate'),
};
