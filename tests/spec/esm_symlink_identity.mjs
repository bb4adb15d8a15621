// An import through a symbolic link is the module the link points at: one instance, and the
// format of the real file (the link's .json name does not make it JSON).
import * as direct from './fixtures/esm/sync.mjs';
import * as viaLink from './fixtures/esm/sync-alias.json';
console.log(direct === viaLink, Object.keys(viaLink).join(','));
