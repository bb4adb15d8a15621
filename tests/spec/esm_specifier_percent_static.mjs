// A static import whose escape runs into a multi-byte character fails to resolve with Node's
// URIError (it used to crash the resolver).
import './fixtures/esm_percent/%2你.mjs';
console.log('not reached');
