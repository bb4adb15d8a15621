const util = require('util');
const p = (v, o) => console.log(util.inspect(v, o));

function named() {} const anon = (() => () => {})();
async function af() {} function* gf() {} async function* agf() {}
p([named, anon, af, gf, agf, Math.max, Function.prototype]);
named.prop = 1; p(named);
const bound = named.bind(null); p(bound);
p(Object.assign(() => {}, { a: 1 }));
