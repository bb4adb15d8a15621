// process APIs beyond the basics: loadEnvFile (kept variables win), getBuiltinModule,
// allowedNodeEnvironmentFlags' lookups and immutability, resourceUsage/threadCpuUsage shapes,
// memoryUsage.rss, sourceMapsEnabled, features keys, finalization callbacks at exit, and the
// DeprecationWarning thrown from a tick under throwDeprecation.
const path = require('path');
const home = process.env.HOME;
process.loadEnvFile(path.join(__dirname, 'fixtures/env/sample.env'));
console.log(JSON.stringify([process.env.A, process.env.B, process.env.C, process.env.D]), process.env.HOME === home);
console.log(process.getBuiltinModule('fs') === require('fs'), process.getBuiltinModule('node:path') === require('path'));
console.log(process.getBuiltinModule('nope'), process.getBuiltinModule('test'), typeof process.getBuiltinModule('node:test'));
const flags = process.allowedNodeEnvironmentFlags;
console.log(['--no-warnings', 'no_warnings', '--no_warnings=1', '-r', 'r', '--require', '--nope', '---no-warnings', '-R']
  .map((f) => `${f}:${flags.has(f)}`).join(' '));
flags.add('--nope');
Set.prototype.add.call(flags, '--nope');
console.log(Object.isFrozen(flags), flags.has('--nope'), [...flags].every((f) => /^--?[a-zA-Z0-9._-]+$/.test(f)));
const ru = process.resourceUsage();
console.log(Object.keys(ru).join(), Object.values(ru).every((v) => typeof v === 'number'));
const tu = process.threadCpuUsage();
console.log(Object.keys(tu).join(), typeof process.threadCpuUsage(tu).user);
console.log(typeof process.memoryUsage.rss(), process.memoryUsage.rss() >= 0);
console.log(process.sourceMapsEnabled);
process.setSourceMapsEnabled(true);
console.log(process.sourceMapsEnabled);
process.setSourceMapsEnabled(false);
console.log(Object.keys(process.features).sort().join());
process.on('warning', (w) => console.log('warning', w.name, w.message));
globalThis.kept = { name: 'kept' };
process.finalization.register(kept, (obj, event) => console.log('finalization', obj.name, event));
const dropped = { name: 'dropped' };
process.finalization.register(dropped, () => console.log('not called'));
process.finalization.unregister(dropped);
process.throwDeprecation = true;
process.once('uncaughtException', (e) => console.log('uncaught', String(e)));
process.emitWarning('old', 'DeprecationWarning');
console.log('emitWarning returned');
setTimeout(() => console.log('still', kept.name), 1);
