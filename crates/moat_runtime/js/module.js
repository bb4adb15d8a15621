'use strict';
// node:module
const { Module, createRequire, isBuiltin, builtinModules } = require('internal/modules/cjs');
Module.createRequire = createRequire;
Module.isBuiltin = isBuiltin;
Module.builtinModules = builtinModules;
Module.register = require('internal/errors').thrower('module.register');
Module.syncBuiltinESMExports = require('internal/errors').thrower('module.syncBuiltinESMExports');
Module.findSourceMap = function findSourceMap() { return undefined; };
module.exports = Module;
