// Node's errors (code, name, message and extra fields) for bad arguments to the URL APIs.
const url = require('url');

// Warnings (url.parse's deprecations) are printed here, not on stderr.
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning:', w.name, w.code, w.message));

function show(label, fn) {
  try {
    const r = fn();
    console.log(label, '->', typeof r === 'string' ? JSON.stringify(r) : r);
  } catch (e) {
    const extra = ['input', 'base'].filter((k) => k in e).map((k) => `${k}=${e[k] instanceof URL ? `URL(${e[k].href})` : JSON.stringify(e[k])}`);
    console.log(label, '->', e.name, e.code, JSON.stringify(e.message), extra.join(' '));
  }
}

const sym = Symbol('s');
const throwing = { toString() { throw new Error('toString called'); } };

show('new URL()', () => new URL());
show('new URL(x)', () => new URL('x'));
show('new URL(x, y)', () => new URL('x', 'y'));
show('new URL(sym)', () => new URL(sym));
show('new URL(throwing)', () => new URL(throwing));
show('URL.canParse()', () => URL.canParse());
show('URL.parse()', () => URL.parse());
show('URL.parse(x)', () => URL.parse('x'));
show('URL.canParse(rel, base)', () => URL.canParse('/a', 'http://h'));
show('URL.createObjectURL(str)', () => URL.createObjectURL('x'));
show('URL.createObjectURL()', () => URL.createObjectURL());
show('URL.revokeObjectURL()', () => URL.revokeObjectURL());
show('URL.revokeObjectURL(unknown)', () => URL.revokeObjectURL('blob:nodedata:nothing'));
show('href = invalid', () => { new URL('http://a/').href = 'nope'; });
show('toString on {}', () => URL.prototype.toString.call({}));
show('get href on {}', () => Reflect.get(URL.prototype, 'href', {}));
show('get host on {}', () => Reflect.get(URL.prototype, 'host', {}));
show('set pathname on {}', () => Reflect.set(URL.prototype, 'pathname', '/x', {}));

const sp = new URLSearchParams('a=1');
show('append(a)', () => sp.append('a'));
show('set(a)', () => sp.set('a'));
show('get()', () => sp.get());
show('getAll()', () => sp.getAll());
show('has()', () => sp.has());
show('delete()', () => sp.delete());
show('forEach()', () => sp.forEach());
show('forEach(1)', () => sp.forEach(1));
show('append sym', () => sp.append(sym, 'x'));
show('append throwing', () => sp.append('x', throwing));
show('toString on {}', () => URLSearchParams.prototype.toString.call({}));
show('keys on undefined', () => sp.keys.call(undefined));
show('iterator next on {}', () => sp.entries().next.call({}));
show('size on {}', () => Reflect.get(URLSearchParams.prototype, 'size', {}));
show('pairs [[1]]', () => new URLSearchParams([[1]]));
show('pairs [[1,2,3]]', () => new URLSearchParams([[1, 2, 3]]));
show('pairs [null]', () => new URLSearchParams([null]));
show('pairs ["ab"]', () => new URLSearchParams(['ab']));
show('iterator not callable', () => new URLSearchParams({ [Symbol.iterator]: 42 }));
show('record symbol key', () => new URLSearchParams({ [sym]: 'a' }));
show('record symbol value', () => new URLSearchParams({ a: sym }));

show('fileURLToPath(1)', () => url.fileURLToPath(1));
show('fileURLToPath(http)', () => url.fileURLToPath('http://a/b'));
show('fileURLToPath(host)', () => url.fileURLToPath('file://host/a'));
show('fileURLToPath(%2f)', () => url.fileURLToPath('file:///a%2fb'));
show('fileURLToPath(%2F URL)', () => url.fileURLToPath(new URL('file:///a%2Fb')));
show('fileURLToPath(bad escape)', () => url.fileURLToPath('file:///a%e4%bd'));
show('fileURLToPath(not a URL)', () => url.fileURLToPath('nope'));
show('fileURLToPath(windows relative)', () => url.fileURLToPath('file:///a/b', { windows: true }));
show('fileURLToPath(windows %5C)', () => url.fileURLToPath('file:///C:/a%5Cb', { windows: true }));
show('fileURLToPathBuffer(1)', () => url.fileURLToPathBuffer(1));
show('pathToFileURL(1)', () => url.pathToFileURL(1));
show('pathToFileURL(windows \\\\\\x)', () => url.pathToFileURL('\\\\\\x', { windows: true }));
show('pathToFileURL(windows \\\\host)', () => url.pathToFileURL('\\\\host', { windows: true }));
show('urlToHttpOptions(str)', () => url.urlToHttpOptions('http://a/'));
show('urlToHttpOptions(null)', () => url.urlToHttpOptions(null));
show('url.parse(1)', () => url.parse(1));
show('url.parse(bad IPv6)', () => url.parse('http://[::1 x]/'));
show('url.format(1)', () => url.format(1));
show('url.format(null)', () => url.format(null));
show('url.format(URL, 1)', () => url.format(new URL('http://a/'), 1));
show('url.format(URL, null)', () => url.format(new URL('http://a/'), null));
show('domainToASCII()', () => url.domainToASCII());
show('domainToUnicode()', () => url.domainToUnicode());
