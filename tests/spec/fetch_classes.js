// Headers, Request and Response on their own: header names and values checked and combined,
// Set-Cookie kept apart, iteration sorted; status and body rules; the static constructors;
// URL parsing; a body read once; fetch's failures before any connection.
const h = new Headers({ 'B': '1', 'a': ' x ' });
h.append('b', '2'); h.append('Set-Cookie', 'a=1'); h.append('set-cookie', 'b=2');
console.log([...h], h.get('b'), h.get('set-cookie'), h.getSetCookie(), h.has('A'), h.get('zz'));
for (const bad of [['a b', 'x'], ['a', 'x\ny'], ['', 'x']]) { try { h.append(...bad); } catch (e) { console.log(e.name, e.message); } }
try { new Headers([['a']]) } catch (e) { console.log(e.name, e.message); }
try { new Headers(5) } catch (e) { console.log(e.name, e.message); }
const r = new Response('hi', { status: 201, statusText: 'Made', headers: { 'x-a': '1' } });
console.log(r.status, r.statusText, r.ok, r.type, r.url, r.redirected, r.bodyUsed, r.headers.get('content-type'));
const reads = r.text().then((t) => { console.log(t, r.bodyUsed); return r.text(); }).catch((e) => console.log(e.name, e.message));
try { new Response('x', { status: 99 }) } catch (e) { console.log(e.name, e.message); }
try { new Response('x', { status: 204 }) } catch (e) { console.log(e.name, e.message); }
console.log(Response.json({ a: 1 }).headers.get('content-type'), Response.error().type, Response.redirect('http://a/', 301).headers.get('location'));
const q = new Request('http://example.com/a?b#c', { method: 'post', body: 'zz' });
console.log(q.url, q.method, q.headers.get('content-type'), q.redirect, q.signal instanceof AbortSignal);
try { new Request('nope') } catch (e) { console.log(e.name, e.message); }
try { new Request('http://a/', { method: 'GET', body: 'x' }) } catch (e) { console.log(e.name, e.message); }
// One at a time: how many turns each failure takes is an implementation detail.
reads
  .then(() => fetch('nope')).catch((e) => console.log(e.name, e.message))
  .then(() => fetch('ftp://x/')).catch((e) => console.log(e.name, e.message, e.cause && e.cause.message))
  .then(() => fetch('http://127.0.0.1:1/')).catch((e) => console.log(e.name, e.message, e.cause && e.cause.code, e.cause && e.cause.message));
