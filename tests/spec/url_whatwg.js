const u = new URL('https://user:pw@example.com:8080/p/a/t/h?query=string&a=1#hash');
console.log(u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash);
console.log(u.searchParams.get('a'), [...u.searchParams.keys()].join(','));
u.searchParams.append('b', 'x y'); console.log(u.search);
u.pathname = '/new'; u.hash = ''; console.log(u.toString());
console.log(new URL('../x', 'http://h/a/b/c').href, URL.canParse('nope'), URL.canParse('http://x'));
try { new URL('not a url'); } catch (e) { console.log(e.code, e.name, e.message); }
const sp = new URLSearchParams({ q: 'a&b', n: '1' }); sp.sort(); console.log(sp.toString(), sp.size);
const { fileURLToPath, pathToFileURL } = require('url');
console.log(fileURLToPath('file:///tmp/a%20b'), pathToFileURL('/tmp/x y#').href);
