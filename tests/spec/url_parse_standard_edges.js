// URL Standard details where the parser library lags the standard Node follows: extra slashes
// before a special URL's host, blob: origins, `^` in paths, an opaque path's last space before
// a query or fragment, a port setter given only tabs and newlines.
for (const [input, base] of [
  ['///test', 'http://example.org/'],
  ['///\\//\\//test', 'http://example.org/'],
  ['///example.org/../path', 'http://example.org/'],
  ['  \t///x/y', 'https://a/'],
  ['///x', 'foo://example.org/'],
  ['http://h/a^b', undefined],
  ['foo://h/a^b', undefined],
  ['non-special:opaque  ?hi', undefined],
  ['non-special:opaque  #hi', undefined],
  ['non-special:opaque  ', undefined],
]) {
  console.log(JSON.stringify(input), base, '->', URL.parse(input, base)?.href ?? null);
}
for (const b of ['blob:https://a.com:1/x', 'blob:http://a/', 'blob:ftp://a/x', 'blob:ws://a/', 'blob:blob:https://a/', 'blob:nonsense']) {
  console.log(b, new URL(b).origin);
}
const u = new URL('https://domain.com:3000/');
u.port = '\n\t';
console.log(u.port);
u.port = '';
console.log(u.href);
u.pathname = '/a^b';
console.log(u.pathname);
