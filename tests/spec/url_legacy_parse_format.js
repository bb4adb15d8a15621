// The legacy url API: url.parse's quirks (backslashes, trimming, auth, IPv6, IDNA, escaping,
// parseQueryString, slashesDenoteHost), url.format of objects and of URLs with options, and
// url.resolve / resolveObject.
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning:', w.name, w.code, w.message));
const url = require('url');
const qs = require('querystring');

for (const input of [
  'http://user:pass@host.com:8080/p/a/t/h?query=string#hash',
  'HTTP://X.COM/Y',
  '  http://a.com/x  ',
  'http:\\\\evil\\foo.html?a\\b#c\\d',
  'http://a.com/x"<>\\^`{|}\' y',
  'javascript:alert(1) \'x\'',
  'mailto:someone@example.com?subject=hi',
  'http://[::1]:3000/x',
  'http://ümlaut.example/ä',
  'http://a:b/x',
  'http://x.com?a=1#h',
  'http://u%40s:p@h/',
  'file:///etc/passwd',
  'file:/x',
  '//some/path',
  '/plain/path?x=1',
  'x/y',
  'http://a@b@c/',
  'xmpp:isaacschlueter@jabber.org',
  'http://u\ts@h\nx:8\r0/p\tq',
  'http://a\r" \t\n<\'b:b@c\r\nd/e?f',
  '\bhttp://example.com/\b',
  '\u00a0\ufeffhttp://a/b\u0001 ',
  'git+ssh://git@github.com:npm/cli.git',
  '',
]) {
  console.log(JSON.stringify(input), JSON.stringify(url.parse(input)));
}
const withQuery = url.parse('http://x.com/p?a=1&a=2&b=%20c', true);
console.log(Object.getPrototypeOf(withQuery.query), JSON.stringify(withQuery.query), withQuery.search);
console.log(JSON.stringify(url.parse('http://x.com/p', true).query), url.parse('http://x.com/p', true).search);
console.log(JSON.stringify(url.parse('//host/p', false, true)));
console.log(JSON.stringify(url.parse('//host/p')));
const parsed = url.parse('http://a.com/b');
console.log(parsed instanceof url.Url, Object.keys(new url.Url()).join(','));

for (const obj of [
  { protocol: 'http', host: 'a.com', pathname: 'x' },
  { protocol: 'https:', hostname: 'a.com', port: 8080, pathname: '/p#q?', search: 'x#y', hash: 'h' },
  { protocol: 'file' },
  { protocol: 'mailto', auth: 'user', hostname: 'h.com' },
  { hostname: '::1', port: 80 },
  { auth: 'a b:c@d', host: 'h', protocol: 'http:' },
  { query: { a: [1, 2], b: 'c d' }, pathname: '/q' },
  { slashes: true, host: 'h', pathname: 'p' },
  {},
]) {
  console.log(JSON.stringify(obj), '->', url.format(obj));
}
console.log(url.format('http://a.com/x y'));
const whatwg = new URL('http://user:pw@xn--6qqa088eba.com:81/a?b#c');
console.log(url.format(whatwg));
console.log(url.format(whatwg, { unicode: true }));
console.log(url.format(whatwg, { auth: false, search: false, fragment: false }));
console.log(url.format(whatwg, { unicode: true, auth: 0 }));

for (const [from, to] of [
  ['http://a/b/c/d;p?q', '../g'],
  ['http://a/b/c/d;p?q', '//g'],
  ['http://a/b/c/d;p?q', '?y'],
  ['http://a/b/c/d;p?q', '#s'],
  ['http://a/b/c/d;p?q', '../../../../g'],
  ['http://a/b/c/d;p?q', 'https:g'],
  ['/foo/bar/baz', '../quux'],
  ['foo/bar', '../../../baz'],
  ['mailto:user@example.org', 'mailto:another.host.com'],
  ['https://user:password@example.com', 'https://example.com/foo'],
  ['http://example.com/', 'javascript:alert(1)'],
  ['http://example.com/a/', '.'],
]) {
  console.log(from, '+', to, '=', url.resolve(from, to));
}
const ro = url.resolveObject('http://a/b/c', '../d?x=1#y');
console.log(ro instanceof url.Url, JSON.stringify(ro));
console.log(url.resolveObject('', 'foo'));
console.log(qs.stringify({ ok: true }));
