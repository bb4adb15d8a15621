// Node's errors from createHash, Hash objects and crypto.hash(): class, code and message.
const crypto = require('crypto');

function show(label, fn) {
  try {
    const r = fn();
    console.log(label, 'returned', Buffer.isBuffer(r) ? `<Buffer ${r.toString('hex')}>` : JSON.stringify(r));
  } catch (e) {
    console.log(label, e.name, e.code, e.message, e instanceof Error);
  }
}

show('unknown algorithm', () => crypto.createHash('nope'));
show('sm3-like unknown', () => crypto.createHash('sha3_256'));
show('algorithm not a string', () => crypto.createHash(5));
show('algorithm missing', () => crypto.createHash());
show('update number', () => crypto.createHash('sha1').update(5));
show('update null', () => crypto.createHash('sha1').update(null));
show('update ArrayBuffer', () => crypto.createHash('sha1').update(new ArrayBuffer(2)));
show('update odd hex', () => crypto.createHash('sha1').update('abc', 'hex'));
show('update object', () => crypto.createHash('sha1').update({}));
show('digest twice', () => { const h = crypto.createHash('sha256'); h.digest(); h.digest(); });
show('update after digest', () => { const h = crypto.createHash('sha256'); h.digest(); h.update('x'); });
show('copy after digest', () => { const h = crypto.createHash('sha256'); h.digest(); h.copy(); });
show('outputLength on fixed', () => crypto.createHash('sha256', { outputLength: 5 }));
show('outputLength negative', () => crypto.createHash('shake128', { outputLength: -1 }));
show('outputLength fraction', () => crypto.createHash('shake128', { outputLength: 1.5 }));
show('outputLength string', () => crypto.createHash('shake128', { outputLength: '5' }));
show('outputLength too big', () => crypto.createHash('shake128', { outputLength: 2 ** 32 }));
show('copy outputLength bad', () => crypto.createHash('shake128').copy({ outputLength: -2 }));
show('hash unknown', () => crypto.hash('nope', 'abc'));
show('hash bad input', () => crypto.hash('sha1', 5));
show('hash ArrayBuffer input', () => crypto.hash('sha1', new ArrayBuffer(1)));
show('hash bad encoding', () => crypto.hash('sha1', 'abc', 'nope'));
show('hash options not object', () => crypto.hash('sha1', 'abc', 5));
show('hash algorithm not string', () => crypto.hash(1, 'abc'));
show('hmac unknown', () => crypto.createHmac('nope', 'k'));
show('hmac no key', () => crypto.createHmac('sha256'));
show('hmac key number', () => crypto.createHmac('sha256', 5));
show('hmac key null', () => crypto.createHmac('sha256', null));
show('hmac name not string', () => crypto.createHmac(null, 'k'));
show('hmac update after digest', () => { const h = crypto.createHmac('sha256', 'k'); h.digest(); h.update('a'); });
show('hmac digest twice hex', () => { const h = crypto.createHmac('sha256', 'k'); h.digest(); return h.digest('hex'); });
show('hmac digest twice buffer', () => { const h = crypto.createHmac('sha256', 'k'); h.digest('hex'); return h.digest(); });
show('hmac update bad', () => crypto.createHmac('sha256', 'k').update([1, 2]));
show('hash fixed length mismatch', () => crypto.hash('SHA224', '', { outputLength: 32 }));
show('hash alias length mismatch', () => crypto.hash('RSA-SHA1', '', { outputLength: 3 }));
show('hash own length', () => crypto.hash('sha224', '', { outputLength: 28 }));
show('hash outputLength negative', () => crypto.hash('shake128', '', { outputLength: -1 }));
show('hash outputLength string', () => crypto.hash('shake128', '', { outputLength: '3' }));
show('hash outputEncoding number', () => crypto.hash('shake128', '', { outputEncoding: 5 }));
show('hash outputEncoding unknown', () => crypto.hash('shake128', '', { outputEncoding: 'nope' }));
show('hash unknown with length', () => crypto.hash('nope', '', { outputLength: 3 }));
show('hash xof zero', () => crypto.hash('shake256', 'abc', { outputLength: 0 }));
