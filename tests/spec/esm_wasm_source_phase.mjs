// Source phase imports: `import source x from './m.wasm'` gives the WebAssembly.Module without
// instantiating it (its start function does not run), `import.source()` is the same object,
// modules without a source object (JS) refuse with node's SyntaxError, and `source` still
// works as the name of a default import.
import source counterSource from './fixtures/wasm/counter.wasm';
import source startSource from './fixtures/wasm/start.wasm';
import source from './fixtures/wasm/helper.mjs';

console.log(counterSource instanceof WebAssembly.Module, WebAssembly.Module.exports(counterSource));
console.log(Object.prototype.toString.call(counterSource));
const tag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(WebAssembly.Module.prototype), Symbol.toStringTag);
console.log(typeof tag.get, tag.get.call(counterSource), tag.get.call({}));
console.log('default import named source:', source);

const { exports } = new WebAssembly.Instance(counterSource);
exports.bump();
console.log('instantiated by hand', exports.count.value);

console.log('start has not run yet');
new WebAssembly.Instance(startSource, { './helper.mjs': { started: () => console.log('start ran when instantiated') } });

const again = await import.source('./fixtures/wasm/counter.wasm');
console.log('import.source gives the same object', again === counterSource);
await import.source('./fixtures/wasm/helper.mjs').catch((e) =>
  console.log(e.name, e.message.replace(/'.*\//, "'…/")));
