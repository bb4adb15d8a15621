// URLPattern is a global, as in Node 24, and the same class as require('url').URLPattern.
const d = Object.getOwnPropertyDescriptor(globalThis, 'URLPattern');
console.log(typeof URLPattern, URLPattern === require('url').URLPattern, d.enumerable, d.configurable);
const p = new URLPattern({ pathname: '/books/:id' });
console.log(p.test('https://example.com/books/123'), p.exec('https://example.com/books/123').pathname.groups);
console.log(p.test('https://example.com/authors/1'));
