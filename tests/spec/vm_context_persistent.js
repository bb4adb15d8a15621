// vm.createContext keeps one realm for an object: variables and functions a script defines stay
// for the next run and show on the object; changes to the object show in the next run; the
// realm has its own built-ins.
const vm = require('vm');
const ctx = vm.createContext({ x: 2, log: (...a) => console.log('in context:', ...a) });
console.log(vm.isContext(ctx), vm.isContext({}), vm.createContext(ctx) === ctx);
console.log(vm.runInContext('var y = x * 10; function f() { return y + 1; } x = 3; f()', ctx));
console.log(ctx.x, ctx.y, typeof ctx.f);
ctx.x = 100;
console.log(vm.runInContext('x + f()', ctx));
console.log(vm.runInContext('[]', ctx) instanceof Array, vm.runInContext('Array', ctx) === Array);
try {
  vm.runInContext('null.p', ctx);
} catch (e) {
  console.log(e instanceof TypeError, e.name);
}
try {
  vm.runInContext('1', {});
} catch (e) {
  console.log(e.code, e.message);
}
new vm.Script('log(x, typeof f)').runInContext(ctx);
const other = vm.createContext();
console.log(vm.runInContext('typeof f', other), Object.keys(other));
