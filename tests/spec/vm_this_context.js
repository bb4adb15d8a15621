// node:vm in this context: scripts compiled at construction (a syntax error thrown then) and
// run as global code any number of times, runInThisContext with a filename, compileFunction,
// isContext and argument validation.
const vm = require('vm');
console.log(Object.keys(vm));
console.log(vm.runInThisContext('var zz = 1; zz + 1'), typeof zz, globalThis.zz);
try { new vm.Script('let let', { filename: 'f.js' }); } catch (e) { console.log(e.name, e.message); }
try { vm.runInThisContext('throw new Error("x")', 'my.js'); } catch (e) { console.log(e.message, e.stack.includes('my.js:1')); }
const s = new vm.Script('this === globalThis'); console.log(s.runInThisContext(), s.runInThisContext(), typeof s.createCachedData, s.cachedDataRejected);
const f = vm.compileFunction('return a + b', ['a', 'b']); console.log(f(1, 2), f.name, f.length);
console.log(vm.isContext({}), vm.createScript('1 + 1').runInThisContext());
try { vm.isContext(5); } catch (e) { console.log(e.code, e.message); }
try { vm.compileFunction(5); } catch (e) { console.log(e.code, e.message); }
try { new vm.Script('1', { filename: 5 }); } catch (e) { console.log(e.code, e.message); }
console.log(vm.runInThisContext('typeof require'), vm.runInThisContext('(function () { return this })()') === globalThis);
