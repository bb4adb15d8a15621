import { value } from './fixtures/esm/lib.mjs';
console.log('detected as module', value, typeof require);
