'use strict';
// node:module
const { Module, createRequire, isBuiltin, builtinModules } = require('internal/modules/cjs');
Module.createRequire = createRequire;
Module.isBuiltin = isBuiltin;
Module.builtinModules = builtinModules;
Module.register = function register(specifier, parentURL, options) {
  return require('internal/modules/hooks_async').register(specifier, parentURL, options);
};
// Synchronous customization hooks for require() and import (`internal/modules/hooks`).
Module.registerHooks = function registerHooks(hooks) {
  return require('internal/modules/hooks').registerHooks(hooks);
};
// The named exports of built-in modules imported as ES modules take the values their objects
// have now (a property deleted is `undefined`).
Module.syncBuiltinESMExports = function syncBuiltinESMExports() {
  internalBinding('loader').syncBuiltinESMExports();
};
// Source maps: module.SourceMap and the maps of loaded modules while support is on.
Module.SourceMap = require('internal/source_map/source_map').SourceMap;
Module.findSourceMap = function findSourceMap(path) {
  return require('internal/source_map/cache').findSourceMap(path);
};
Module.getSourceMapsSupport = function getSourceMapsSupport() {
  return require('internal/source_map/cache').getSourceMapsSupport();
};
Module.setSourceMapsSupport = function setSourceMapsSupport(enabled, options) {
  require('internal/source_map/cache').setSourceMapsSupport(enabled, options);
};
module.exports = Module;
