import('./fixtures/esm/lib.mjs').then((m) => console.log('dynamic', m.default, m.value));
import('node:events').then((m) => console.log(typeof m.default, typeof m.EventEmitter));
console.log('sync first');
