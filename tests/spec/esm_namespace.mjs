import * as ns from './fixtures/esm/lib.mjs';
console.log(Object.keys(ns), ns[Symbol.toStringTag], Object.getPrototypeOf(ns));
console.log(ns);
