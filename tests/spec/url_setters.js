const u = new URL('https://user@example.com:8443/a?b=1#c');
u.protocol = 'http'; u.username = 'other'; u.password = 'pw'; u.port = '8080';
console.log(u.href);
u.host = 'new.host:81'; console.log(u.host, u.hostname, u.port);
u.hostname = 'only.host'; u.search = '?x=y'; u.hash = 'frag'; console.log(u.href);
u.port = ''; u.search = ''; u.hash = ''; console.log(u.href);
u.href = 'https://reset.example/'; console.log(u.href, u.origin);
try { u.href = 'not a url'; } catch (e) { console.log(e.code); }
