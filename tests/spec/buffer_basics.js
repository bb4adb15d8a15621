const b = Buffer.from('héllo wörld');
console.log(b.length, b.toString(), b.toString('hex'), b.toString('base64'), b.toString('latin1'));
console.log(Buffer.from('68656c6c6f', 'hex').toString(), Buffer.from('aGk=', 'base64').toString(), Buffer.from([256, -1, 65]));
console.log(Buffer.alloc(3), Buffer.alloc(4, 'ab'), Buffer.alloc(2, 1), Buffer.byteLength('é'), Buffer.isBuffer(b), Buffer.isBuffer(new Uint8Array()));
console.log(Buffer.concat([Buffer.from('a'), Buffer.from('bc')]).toString(), Buffer.compare(Buffer.from('a'), Buffer.from('b')));
console.log(b.slice(0, 5).toString(), b.subarray(1, 3), b.indexOf('l'), b.includes('wör'), b.equals(Buffer.from('héllo wörld')));
const w = Buffer.alloc(6); console.log(w.write('abc', 1), w, w.toJSON());
console.log(Buffer.isEncoding('utf8'), Buffer.isEncoding('nope'), Buffer.from('x') instanceof Uint8Array);
try { Buffer.from('x', 'nope'); } catch (e) { console.log(e.code); }
