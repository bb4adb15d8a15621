// A mixed app: an ES module that imports a CommonJS module and a built-in.
import { greet } from './util.cjs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
console.log(greet('moat'), join('a', 'b'));
console.log(await sleep(5, 'after top-level await'));
