// vm.runInNewContext runs a script in a fresh realm: its built-ins are not the program's, the
// sandbox's properties are its globals, and what the script leaves there comes back to the
// sandbox; errors thrown inside reach the caller; the arguments are checked as in Node.
const vm = require('vm');
const sandbox = { a: 1, list: [1, 2] };
console.log(vm.runInNewContext('a + 1', sandbox));
console.log(vm.runInNewContext('var b = a * 10; c = "x"; a = 5; list.push(3); typeof b', sandbox));
console.log(sandbox);
const ab = vm.runInNewContext('new ArrayBuffer(4)');
console.log(ab instanceof ArrayBuffer, Object.prototype.toString.call(ab), Buffer.byteLength(ab));
const o = vm.runInNewContext('({ foo: ["bar", "baz"] })');
console.log(o instanceof Object, Array.isArray(o.foo), JSON.stringify(o), require('querystring').stringify(o));
console.log(Buffer.from(vm.runInNewContext('new String(s)', { s: 'hey' })).toString());
console.log(vm.runInNewContext('this.y = 3; typeof globalThis.y + " " + typeof require', {}));
console.log(new vm.Script('x * 2').runInNewContext({ x: 21 }));
try {
  vm.runInNewContext('throw new TypeError("boom")');
} catch (e) {
  console.log(e instanceof TypeError, e.name, e.message);
}
try {
  vm.runInNewContext('(', {}, 'file.vm');
} catch (e) {
  console.log(e.name);
}
for (const bad of [5, 'str', null]) {
  try {
    vm.runInNewContext('1', bad);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
