'use strict';
// checkPrime/generatePrime on inputs with one answer: known primes and composites, the smallest
// sizes, add/rem, option validation, and the callback forms' order against the current turn.
const crypto = require('crypto');

function show(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
}

const known = [0n, 1n, 2n, 3n, 4n, 97n, 561n, 7919n, 2n ** 61n - 1n, 2n ** 64n - 59n, 2n ** 64n + 1n,
  2n ** 89n - 1n, 2n ** 127n - 1n, 2n ** 127n + 1n, 3825123056546413051n, 318665857834031151167461n];
for (const n of known) console.log(n, crypto.checkPrimeSync(n), crypto.checkPrimeSync(n, { checks: 3 }));
show('buffer', () => crypto.checkPrimeSync(Buffer.from([0, 0, 0x1f])));
show('array buffer', () => crypto.checkPrimeSync(new Uint8Array([0x65]).buffer));
show('empty', () => crypto.checkPrimeSync(Buffer.alloc(0)));

show('3 bits', () => crypto.generatePrimeSync(3, { bigint: true }));
show('2 bits', () => crypto.generatePrimeSync(2, { bigint: true }));
show('safe 3 bits', () => crypto.generatePrimeSync(3, { bigint: true, safe: true }));
show('safe 6 bits', () => crypto.generatePrimeSync(6, { bigint: true, safe: true }));
show('safe 4 bits', () => crypto.generatePrimeSync(4, { safe: true }));
show('1 bit', () => crypto.generatePrimeSync(1));
show('add/rem', () => crypto.generatePrimeSync(4, { add: 15n, rem: 13n, bigint: true }));
show('add zero', () => crypto.generatePrimeSync(16, { add: 0n }));
show('add too long', () => crypto.generatePrimeSync(64, { add: 2n ** 64n }));
show('rem >= add', () => crypto.generatePrimeSync(64, { add: 7n, rem: 7n }));
show('negative add', () => crypto.generatePrimeSync(20, { add: -1n }));
show('add type', () => crypto.generatePrimeSync(20, { add: 5 }));
show('safe type', () => crypto.generatePrimeSync(20, { safe: 1 }));
show('size', () => crypto.generatePrimeSync(0));
show('size type', () => crypto.generatePrimeSync('8'));
show('options', () => crypto.generatePrimeSync(8, null));
show('checks', () => crypto.checkPrimeSync(2n, { checks: -1 }));
show('checks type', () => crypto.checkPrimeSync(2n, { checks: 'x' }));
show('candidate', () => crypto.checkPrimeSync('7'));
show('negative candidate', () => crypto.checkPrimeSync(-7n));
show('no callback', () => crypto.checkPrime(7n));

{
  const p = crypto.generatePrimeSync(64, { add: 24n, rem: 23n, safe: true, bigint: true });
  console.log('shaped', p >> 63n, p % 24n, crypto.checkPrimeSync(p), crypto.checkPrimeSync((p - 1n) / 2n));
  const q = crypto.generatePrimeSync(48);
  console.log('array buffer result', q instanceof ArrayBuffer, q.byteLength, Buffer.from(q)[0] >= 0xc0);
}

crypto.checkPrime(2n ** 127n - 1n, (err, r) => console.log('checkPrime callback', err, r));
crypto.generatePrime(3, { bigint: true }, (err, p) => console.log('generatePrime callback', err, p));
crypto.generatePrime(1, (err, p) => console.log('generatePrime error', err.message, p));
console.log('same turn');
