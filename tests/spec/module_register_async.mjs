// module.register(): asynchronous resolve and load hooks in a hooks thread — a virtual module,
// a transformed file, initialize()'s data, two hooks modules chained, and Node's errors for a
// hook that returns a bad URL or neither calls next nor short-circuits.
import { register } from 'node:module';

register('./fixtures/module_register/virtual.mjs', import.meta.url, { data: { n: 1, list: ['a'] } });
console.log((await import('virtual:answer')).default);
console.log((await import('virtual:given')).default);
console.log((await import('./fixtures/module_register/shout.mjs')).default);

register(new URL('./fixtures/module_register/prefix.mjs', import.meta.url));
console.log((await import('prefixed:answer')).default);

for (const specifier of ['bad:url', 'bad:incomplete']) {
  try {
    await import(specifier);
  } catch (e) {
    console.log(e.code, e.message.replace(/"[^"]*virtual\.mjs/, '"<hooks>'));
  }
}
try {
  register(5);
} catch (e) {
  console.log(e.code, e.message);
}
