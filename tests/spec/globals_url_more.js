const u = new URL('HTTP://EXAMPLE.com:80/a/../b/./c?x=1#f');
console.log(u.href, u.port, u.pathname);
console.log(new URL('file:///tmp/a b').pathname, new URL('blob:https://a.com/uuid').origin);
console.log(new URL('?q=1', 'https://a.com/p/x').href, new URL('//other.com/z', 'https://a.com').href);
const s = new URLSearchParams('a=1&b=2&a=3&c=%20x+y');
console.log(s.getAll('a'), s.get('c'), s.has('b'), s.has('b', '3'), [...s].length, s.toString());
s.delete('a'); s.set('d', 'é'); console.log(s.toString());
console.log(String(new URL('https://a.com/?x=1').searchParams), URL.canParse('/rel', 'https://b.com'));
const u2 = new URL('https://h.com'); u2.searchParams.set('k', 'v w'); console.log(u2.href);
