// subtle.digest's experimental algorithms: SHA3-256/384/512 and cSHAKE128/256 (output length in
// bits, with function name and customization), which warn once each.
const subtle = globalThis.crypto.subtle;
const data = new TextEncoder().encode('abc');
const cases = ['SHA3-256', 'sha3-384', { name: 'SHA3-512' },
  { name: 'cSHAKE128', outputLength: 256 }, { name: 'cSHAKE256', outputLength: 64 }, { name: 'cshake128', outputLength: 0 },
  { name: 'cSHAKE128', outputLength: 12 }, { name: 'cSHAKE256', outputLength: 1 },
  { name: 'cSHAKE128', outputLength: 256, customization: new Uint8Array([1]) },
  { name: 'cSHAKE256', outputLength: 128, functionName: new TextEncoder().encode('KMAC'), customization: new Uint8Array([1, 2]).buffer },
  { name: 'cSHAKE128', outputLength: 256, functionName: new Uint8Array(0), customization: new Uint8Array(0) },
  { name: 'cSHAKE128', outputLength: -8 }, { name: 'cSHAKE128' }, 'cSHAKE128'];
(async () => {
  for (const alg of cases) {
    try {
      const r = await subtle.digest(alg, data);
      console.log(JSON.stringify(alg), r instanceof ArrayBuffer, r.byteLength, Buffer.from(r).toString('hex'));
    } catch (e) {
      console.log(JSON.stringify(alg), e.name, e.code, e.message);
    }
  }
})();
