// Patching Module.wrapper (or Module.wrap), an old way to instrument every module, changes how
// the modules required after it are wrapped; restoring it restores the default.
const Module = require('module');
const original = Module.wrapper;
console.log(Module.wrap('x').startsWith(original[0]), Module.wrapper.length);
Module.wrapper = [original[0] + 'const __instrumented = "patched";', original[1]];
console.log(require('./fixtures/wrapped_dep.js'));
Module.wrapper = original;
delete require.cache[require.resolve('./fixtures/wrapped_dep.js')];
console.log(require('./fixtures/wrapped_dep.js'));
