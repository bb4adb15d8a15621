// module.syncBuiltinESMExports(): a built-in module's named ES exports take the values its
// object has now; a deleted property becomes undefined; other modules' exports stay as they were.
import { syncBuiltinESMExports } from 'node:module';
import fs, { readFileSync } from 'node:fs';
import path, { join } from 'node:path';

const original = fs.readFileSync;
const originalJoin = path.join;
fs.readFileSync = () => 'replaced';
console.log('before sync', readFileSync === original);
syncBuiltinESMExports();
console.log('after sync', readFileSync(), readFileSync === fs.readFileSync);
delete path.join;
syncBuiltinESMExports();
console.log('deleted', join);
fs.readFileSync = original;
path.join = originalJoin;
syncBuiltinESMExports();
console.log('restored', readFileSync === original, join('a', 'b'));
