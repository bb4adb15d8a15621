// Crypto and SubtleCrypto are globals, not enumerable (data properties once read), of which
// globalThis.crypto and its subtle are the instances; neither class can be constructed.
for (const name of ['Crypto', 'SubtleCrypto']) {
  const type = typeof globalThis[name];
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  console.log(name, type, d.enumerable, d.writable, d.configurable);
  try {
    new globalThis[name]();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
console.log(globalThis.crypto instanceof Crypto, globalThis.crypto.subtle instanceof SubtleCrypto);
console.log(Object.prototype.toString.call(globalThis.crypto), Object.prototype.toString.call(globalThis.crypto.subtle));
