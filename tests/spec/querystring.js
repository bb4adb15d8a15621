// node:querystring against Node: parse with repeated, empty and undecodable parts, custom
// separators and maxKeys; stringify of every value type; escape (including Node's surrogate
// handling) and the unescape fallbacks; then generated strings through all of them.
const qs=require('querystring');
console.log(Object.keys(qs), qs.decode===qs.parse, qs.encode===qs.stringify);
console.log(qs.parse('a=1&a=2&b=&=c&d&&e=%ZZ&f=%E2%82%AC+x&g=a=b'), Object.getPrototypeOf(qs.parse('a=1')));
console.log(qs.stringify({a:[1,'x y'],b:true,c:null,d:NaN,e:1n,f:{},'k y':'€'}), qs.stringify('x'), qs.stringify({a:1},';',':'));
try { qs.escape('\uD800') } catch (e) { console.log(e.name, e.code, e.message) }
console.log(qs.unescape('%E2%82%AC%ZZ+'), qs.unescapeBuffer('%41%4+'), qs.unescapeBuffer('%41%4+', true), qs.escape({toString(){return 'a b'}}), qs.escape("!'()*~-._"));
console.log(qs.parse('a=1&b=2&c=3', null, null, {maxKeys: 2}), qs.parse('a:1;b:2', ';', ':'), qs.parse(''), qs.parse(5));
console.log(qs.parse('a=%FF%FE&b=%C3', null, null), qs.parse('x=1', null, null, { decodeURIComponent: (s) => s.toUpperCase() }));
console.log(qs.parse('a=b', '&', '='), qs.parse('=', '&', '='), qs.parse('&&=&', '&', '='), qs.stringify({ a: [] }), qs.stringify({ ['a&b']: 'c=d' }));
let seed = 5;
const rand = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const atoms = ['a', 'b', '=', '&', '+', '%', '%2', '%41', '%E2%82%AC', '%ZZ', ' ', '€', 'é', '\uD83D\uDE00', ';', ':', '', 'x=y', '&&', '%C3', '%FF'];
const gen = () => { let s = ''; for (let i = rand(8); i > 0; i--) s += atoms[rand(atoms.length)]; return s; };
for (let i = 0; i < 200; i++) {
  const s = gen();
  const row = [s, qs.parse(s), qs.parse(s, ';', ':'), qs.unescape(s), qs.unescapeBuffer(s, true).toString('hex'), qs.stringify({ [s]: [s, 1] })];
  try { row.push(qs.escape(s)); } catch (e) { row.push(e.code); }
  console.log(JSON.stringify(row));
}
