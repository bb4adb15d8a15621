// The first JS to run: sets up the built-in module system and returns the two steps of a start,
// `preload` (may run before the program is known) and `start` (sets up `process` and the
// globals, runs the entry point and the event loop, returns the exit code).
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
  // Whether a built-in has been loaded (it may have work waiting).
  requireBuiltin.isLoaded = (id) => cache.has(id);
  const require = requireBuiltin;

  return {
    // Loads the built-ins that do not depend on the program, its options or the process, and
    // installs the globals, ahead of it: the sandbox's snapshot is taken after this. (A native
    // start loads on demand.)
    preload() {
      for (const id of ['internal/errors', 'internal/errors/codes', 'internal/validators', 'events',
        'internal/util/iterator_kinds', 'internal/loop', 'timers', 'path', 'internal/error_stack',
        'internal/error_stack/format', 'internal/modules/cjs', 'internal/util/inspect', 'console',
        'internal/globals', 'internal/process/current', 'internal/process/object', 'internal/main']) {
        require(id);
      }
      require('internal/globals').setup();
    },
    // Sets up `process` and the globals, runs the program and the event loop; returns the exit code.
    start() {
      require('internal/globals').setup();
      return require('internal/main').run();
    },
    // `moat serve`: loads the app (then the host snapshots the memory), and in each copy of
    // that memory serves one request, returning the exit code; or, in a warm instance that
    // serves request after request, serves the next (0 when it was answered).
    serveInit() {
      require('internal/globals').setup();
      require('internal/main').serveInit();
      return 0;
    },
    serveRequest() {
      return require('internal/main').serveRequest();
    },
    serveNext() {
      return require('internal/main').serveNext();
    },
  };
});
