// URLPattern from require('url'): pattern strings with a base or without, init objects,
// normalized component patterns, named and regexp groups, modifiers, ignoreCase, exec/test on
// strings and objects, brand checks and construction errors.
const { URLPattern } = require('url');
const show = (label, fn) => {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
};
const parts = (p) => [p.protocol, p.username, p.password, p.hostname, p.port, p.pathname, p.search, p.hash, p.hasRegExpGroups];

const books = new URLPattern({ pathname: '/books/:id' });
show('books exec', () => books.exec('https://example.com/books/123?x#h'));
show('books test', () => [books.test('https://example.com/books/123'), books.test('https://example.com/books/')]);
show('string pattern', () => parts(new URLPattern('https://*.example.com/:a(\\d+)/*?q=:v#:h')));
show('with base', () => parts(new URLPattern('/a/:b', 'https://x.com/base/')));
show('default port dropped', () => parts(new URLPattern('https://example.com:443/(foo|bar)/:id(\\d+)?')));
show('escaped protocol colon', () => parts(new URLPattern('data\\:foo*')));
show('repeat groups', () => new URLPattern({ pathname: '/a/:b(c|d)+/e' }).exec({ pathname: '/a/c/d/e' }).pathname);
show('zero or more', () => new URLPattern({ pathname: '/:x*' }).exec({ pathname: '/a/b' }).pathname);
show('optional segment', () => new URLPattern({ pathname: '/foo/:bar?' }).pathname);
show('hostname group', () => new URLPattern({ hostname: '{:sub.}?example.com' }).exec({ hostname: 'a.example.com' }).hostname);
show('suffix names', () => [new URLPattern({ pathname: '*.:ext' }).pathname, new URLPattern({ pathname: '/:a:b' }).pathname]);
show('encoded pathname', () => new URLPattern({ pathname: '/ü/ x' }).pathname);
show('ignoreCase', () => [new URLPattern({ pathname: '/A' }, { ignoreCase: true }).test({ pathname: '/a' }),
  new URLPattern({ pathname: '/A' }).test({ pathname: '/a' })]);
show('empty pattern', () => new URLPattern().exec('http://a/b'));
show('test()', () => new URLPattern().test());
show('exec with base', () => new URLPattern({ pathname: '/x/:y' }).exec('/x/z', 'http://h').inputs);
show('no match', () => new URLPattern({ hostname: 'a.com' }).exec('http://b.com/'));

show('bad regexp', () => new URLPattern('(', 'https://x.com'));
show('bad init', () => new URLPattern({ pathname: '(' }));
show('number input', () => new URLPattern(1));
show('relative without base', () => new URLPattern('/a'));
show('object with base', () => new URLPattern({ pathname: '/a' }, 'http://x'));
show('capturing group', () => new URLPattern({ pathname: '/(a(b))' }));
show('duplicate name', () => new URLPattern({ pathname: '/:a/:a' }));
show('throwing init getter', () => new URLPattern({ get protocol() { throw new Error('boom'); } }));
show('throwing ignoreCase', () => new URLPattern({}, { get ignoreCase() { throw new Error('boom'); } }));
const proto = URLPattern.prototype;
for (const name of ['protocol', 'pathname', 'hasRegExpGroups']) {
  show(`get ${name} on {}`, () => Object.getOwnPropertyDescriptor(proto, name).get.call({}));
}
show('test on {}', () => proto.test.call({}, 'http://a'));
show('exec on {}', () => proto.exec.call({}, 'http://a'));
console.log(Object.getOwnPropertyNames(proto).sort().join(), Object.prototype.toString.call(books),
  Object.keys(proto).sort().join());

// Argument types, as Node 24 checks them.
show('call without new', () => URLPattern());
show('base 1', () => new URLPattern({}, 1));
show('options 1', () => new URLPattern({}, '', 1));
show('base null', () => new URLPattern('http://a/', null).hostname);
show('exec(1)', () => new URLPattern().exec(1));
show('exec base 1', () => new URLPattern().exec('', 1));
show('exec base null', () => new URLPattern().exec('http://a', null));
show('exec(null)', () => new URLPattern().exec(null).inputs);
show('non-string members', () => parts(new URLPattern({ pathname: 1, hostname: null, baseURL: 2 })));
class Sub extends URLPattern {}
show('subclass', () => [new Sub({ pathname: '/x' }).test({ pathname: '/x' }), new Sub() instanceof Sub, URLPattern.length]);
