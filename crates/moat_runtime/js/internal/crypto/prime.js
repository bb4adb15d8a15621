'use strict';
// generatePrime and checkPrime, in callback and synchronous forms.

const { thrower } = require('internal/errors');

module.exports = {
  generatePrime: thrower('crypto.generatePrime'),
  generatePrimeSync: thrower('crypto.generatePrimeSync'),
  checkPrime: thrower('crypto.checkPrime'),
  checkPrimeSync: thrower('crypto.checkPrimeSync'),
};
