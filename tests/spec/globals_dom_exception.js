const names = ['AbortError', 'TimeoutError', 'DataCloneError', 'NotFoundError', 'SyntaxError', 'Unknown'];
for (const n of names) { const e = new DOMException('m', n); console.log(n, e.code, e.name, e.message, e instanceof Error); }
console.log(DOMException.ABORT_ERR, DOMException.TIMEOUT_ERR, new DOMException().name, new DOMException('x', { name: 'N', cause: 1 }).cause);
