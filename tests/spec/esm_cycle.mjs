import { a, getB } from './fixtures/esm/cycle_a.mjs';
console.log(a, getB());
