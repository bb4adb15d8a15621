// A revoked proxy prints as <Revoked Proxy>, alone or inside an object, with or without
// showProxy; inspecting it throws nothing.
const { inspect } = require('util');
const r = Proxy.revocable({ a: 1 }, {});
console.log(inspect(r.proxy), inspect(r.proxy, { showProxy: true }));
r.revoke();
console.dir(r);
console.log(r.proxy, inspect(r.proxy, { showProxy: true }));
console.log(inspect(new Proxy([1, 2], {})), inspect(new Proxy([1, 2], {}), { showProxy: true }));
