// util.inspect of Headers (names as first given), Response, Request, EventTarget, AbortSignal and
// AbortController, as Node shows them.
const h = new Headers({ a: '1', B: '2' }); h.append('b', '3'); h.set('Set-Cookie', 'x=1');
console.log(h);
console.log(new Response(null, { status: 204, headers: { 'X-Y': 'z' } }));
console.log([new Headers()], { nested: { deeper: new Headers({ q: 'r' }) } });
console.log(new Request('http://a.example/p', { method: 'PUT', headers: { A: 'b' } }));
console.log(new EventTarget(), AbortSignal.abort(), new AbortController(), [new AbortController()]);
