import fs, { readFileSync } from 'fs';
import * as pathNs from 'node:path';
import EventEmitter, { once } from 'events';
import { setTimeout as st } from 'timers/promises';
console.log(fs.readFileSync === readFileSync, typeof pathNs.default.join, pathNs.join === pathNs.default.join);
console.log(typeof EventEmitter, typeof once, typeof st);
console.log(Object.keys(pathNs).includes('default'), Object.keys(pathNs).includes('join'));
