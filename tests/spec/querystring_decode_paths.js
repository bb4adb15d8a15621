// querystring.parse's decoding: the default decoder only where a %XX escape is, malformed
// escapes kept or decoded byte-wise, custom decoders (given, throwing, or put in place of
// querystring.unescape) seeing `+` as %20; maxKeys; escape/unescape/unescapeBuffer edges.
const qs = require('querystring');
const show = (v) => JSON.stringify(v);

for (const input of ['a+b=c+d', 'a%zz=1&%e4%bd=2&+%41=%2', '%\u0100=%\u0101', '%%41=%', 'a=%F0%9F%98%80&b=%FF%FE',
  'a=1&a=2&a=3&b', '&&a=&=b&', 'k=%E4%BD%A0%E5%A5%BD']) {
  console.log(show(input), show(qs.parse(input)), show(qs.decode(input, '&', '=')));
}
console.log(show(qs.parse('a+b=c+d', null, null, { decodeURIComponent: (s) => s })));
console.log(show(qs.parse('a=%41', null, null, { decodeURIComponent: () => { throw new Error('no'); } })));
console.log(show(qs.parse('a=b;c=d', ';', null, { maxKeys: 1 })), show(qs.parse('a=1&b=2', null, null, { maxKeys: 0 })));
console.log(show(qs.parse('a:1|b:2|c', '|', ':')), show(qs.parse(123)), show(qs.parse('')));
const original = qs.unescape;
qs.unescape = (s) => `<${s}>`;
console.log(show(qs.parse('x=y&p%20=q')));
qs.unescape = original;

console.log(qs.stringify({ a: [1, 'b c'], d: true, e: null, f: 1n, g: NaN, h: {}, 'ü': '€' }));
console.log(qs.stringify({ a: 1, b: 2 }, ';', ':'), qs.encode({ x: 'y' }), qs.stringify('nope'), qs.stringify(null));
console.log(qs.stringify({ aa: 'bb' }, null, null, { encodeURIComponent: (s) => s.toUpperCase() }));
console.log(qs.escape('a b&c=d/é😀~*\'()!'), qs.escape(5), qs.escape({ toString() { return 'o k'; } }));
try {
  qs.escape('\ud800');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
console.log(show(qs.unescape('%41%zz%')), show(qs.unescape('a+b', true)), show(qs.unescape('%E4%BD')));
console.log(qs.unescapeBuffer('a%41%4'), qs.unescapeBuffer('a+b', true), qs.unescapeBuffer('%e4%bd%a0'));
