'use strict';
// The `require` function each CommonJS module is given: it loads through the module's own
// `require` method, and carries resolve, resolve.paths, main, extensions and cache.

function makeRequireFunction(mod, Module, { validateString, isBuiltin, dirnameOf, main, resolveForRequire }) {
  const require = function require(id) { return mod.require(id); };
  function resolve(request, options) {
    validateString(request, 'request');
    return resolveForRequire(request, mod, options);
  }
  require.resolve = resolve;
  resolve.paths = function paths(request) {
    validateString(request, 'request');
    if (isBuiltin(request)) return null;
    if (request.startsWith('./') || request.startsWith('../') || request === '.' || request === '..') {
      return [mod.filename ? dirnameOf(mod.filename) : process.cwd()];
    }
    return Module._nodeModulePaths(mod.filename ? dirnameOf(mod.filename) : process.cwd());
  };
  // Defined, not assigned: a setter for `main` on Object.prototype must not see it.
  Object.defineProperty(require, 'main', { value: main, writable: true, enumerable: true, configurable: true });
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

module.exports = { makeRequireFunction };
