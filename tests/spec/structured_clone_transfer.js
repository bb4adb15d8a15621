// structuredClone's transfer list: ArrayBuffers are moved (the original detached), anything else
// or a detached buffer is refused with a DataCloneError; an object inheriting from
// DOMException.prototype is an ordinary object, a real DOMException clones as one.
const ab = new ArrayBuffer(8);
const u = new Uint8Array(ab, 2, 4);
u[0] = 7;
const c = structuredClone({ u, ab }, { transfer: [ab] });
console.log(ab.byteLength, ab.detached, c.u[0], c.u.byteOffset, c.u.length, c.u.buffer === c.ab);
for (const transfer of [[{}], [ab], 5, null]) {
  try {
    structuredClone(1, { transfer });
    console.log('cloned');
  } catch (e) {
    console.log(e.name, e.message, e.code);
  }
}
const fake = Object.setPrototypeOf({ own: 1 }, DOMException.prototype);
const plain = structuredClone(fake);
console.log(plain instanceof DOMException, Object.getPrototypeOf(plain) === Object.prototype, plain.own);
const real = structuredClone(new DOMException('gone', 'AbortError'));
console.log(real instanceof DOMException, real.name, real.message, real.code);
try {
  Object.getOwnPropertyDescriptor(DOMException.prototype, 'name').get.call(fake);
} catch (e) {
  console.log(e.name, e.message);
}
