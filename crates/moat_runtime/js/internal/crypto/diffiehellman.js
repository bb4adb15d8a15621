'use strict';
// Finite-field Diffie-Hellman (DiffieHellman, DiffieHellmanGroup, the MODP groups), ECDH and getCurves.

const { thrower } = require('internal/errors');

module.exports = {
  createDiffieHellman: thrower('crypto.createDiffieHellman'),
  createDiffieHellmanGroup: thrower('crypto.createDiffieHellmanGroup'),
  getDiffieHellman: thrower('crypto.getDiffieHellman'),
  DiffieHellman: thrower('crypto.DiffieHellman'),
  DiffieHellmanGroup: thrower('crypto.DiffieHellmanGroup'),
  createECDH: thrower('crypto.createECDH'),
  ECDH: thrower('crypto.ECDH'),
  getCurves: thrower('crypto.getCurves'),
};
