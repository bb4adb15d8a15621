// The first JS to run. Sets up the built-in module system, `process` and the globals, then runs
// the entry point and the event loop. Returns the process exit code.
(function bootstrap(internalBinding) {
  'use strict';
  const natives = internalBinding('natives');
  const cache = new Map();

  // Built-in modules have their own small CommonJS: `require` here reaches only other built-ins.
  function requireBuiltin(id) {
    if (id.startsWith('node:')) id = id.slice(5);
    const cached = cache.get(id);
    if (cached !== undefined) return cached.exports;
    const fn = natives.compile(id);
    if (fn === undefined) {
      const stub = require('internal/not_implemented').moduleFor(id);
      if (stub === undefined) throw new Error(`No such built-in module: ${id}`);
      cache.set(id, { exports: stub });
      return stub;
    }
    const module = { exports: {}, id, loaded: false };
    cache.set(id, module);
    fn.call(module.exports, module.exports, requireBuiltin, module, internalBinding);
    module.loaded = true;
    return module.exports;
  }
  const require = requireBuiltin;

  require('internal/globals').setup();
  return require('internal/main').run();
});
