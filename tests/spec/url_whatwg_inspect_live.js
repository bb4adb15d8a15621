// URL and URLSearchParams as Node shows and links them: inspect output at several depths and
// break lengths, live iterators, a URL's searchParams following its query both ways, property
// shapes, createObjectURL/revokeObjectURL.
const util = require('util');

const u = new URL('https://user:pass@example.com:8080/p/a/t/h?query=string&a=1#hash');
console.log(util.inspect(u));
console.log(util.inspect(u, { depth: 0 }));
console.log(util.inspect({ nested: u }, { depth: 0 }));
console.log(util.inspect([u.searchParams], { breakLength: 20 }));
console.log(util.inspect(new URLSearchParams()), util.inspect(new URLSearchParams('a=1'), { depth: -1 }));
const it = u.searchParams.entries();
console.log(util.inspect(it));
it.next();
console.log(util.inspect(it), util.inspect(u.searchParams.keys()), util.inspect(u.searchParams.values()));
it.next();
console.log(util.inspect(it));
class MyURL extends URL {}
console.log(util.inspect(new MyURL('http://x/')));
console.log(Object.prototype.toString.call(u), Object.prototype.toString.call(u.searchParams),
  Object.prototype.toString.call(it));

// searchParams and the URL's query follow each other.
const sp = u.searchParams;
sp.append('b', 'x y~!*');
console.log(u.search, u.href);
u.search = '?z=%20+&z=2';
console.log(sp.getAll('z'), sp.size, sp === u.searchParams);
u.href = 'http://other/?k=v';
console.log([...sp], u.search);
sp.delete('k');
console.log(JSON.stringify(u.href), JSON.stringify(u.search));
sp.set('ü', '\ud800');
console.log(u.href, sp.get('ü') === '\ufffd');
sp.sort();
const live = sp.keys();
sp.append('late', '1');
console.log([...live]);
console.log(new URLSearchParams({ a: 1, b: [2, 3] }).toString(), new URLSearchParams([['x', 'y']]).toString(),
  new URLSearchParams(new Map([['m', 'n']])).toString(), new URLSearchParams(sp).toString(),
  new URLSearchParams('?%zz=%e4%bd%a0&%e4%bd=1&&=x').toString(), String(new URLSearchParams(null)));
console.log(sp.has('late', '1'), sp.has('late', '2'));
sp.delete('late', '2');
console.log(sp.size);

// Setters that the standard ignores leave the URL as it was.
const s = new URL('http://h/p');
s.port = 'abc';
s.protocol = 'mailto';
s.host = '';
s.hostname = 'a b';
console.log(s.href);
s.port = '8080x';
s.protocol = 'https:';
s.hash = '#x y';
s.pathname = 'q r';
console.log(s.href, s.origin, URL.canParse('/x', s.href), URL.parse('/y', s)?.href, URL.parse('nope'));

const names = Object.getOwnPropertyNames(URL.prototype).join();
const d = Object.getOwnPropertyDescriptor(URL.prototype, 'href');
console.log(names, d.enumerable, d.get.name, d.set.name, Object.getOwnPropertyDescriptor(URL, 'canParse').enumerable);
console.log(Object.getOwnPropertyNames(URLSearchParams.prototype).join(), URLSearchParams.prototype[Symbol.iterator] === URLSearchParams.prototype.entries);

const { Blob } = require('buffer');
const id = URL.createObjectURL(new Blob(['hi']));
console.log(/^blob:nodedata:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id));
console.log(URL.revokeObjectURL(id), URL.revokeObjectURL(id));
