// structuredClone's options: a dictionary (null/undefined allowed), transfer an iterable of objects.
const show = (label, f) => {
  try { console.log(label, 'ok', f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
for (const [label, opts] of Object.entries({
  string: '', number: 1, boolean: true, null: null, undefined, empty: {}, fn: () => {},
  'transfer 1': { transfer: 1 }, 'transfer string': { transfer: '' }, 'transfer null': { transfer: null },
  'transfer object': { transfer: {} }, 'transfer [1]': { transfer: [1] }, 'transfer [null]': { transfer: [null] },
  'transfer [ab, 2]': { transfer: [new ArrayBuffer(1), 2] }, 'transfer [{}]': { transfer: [{}] },
})) {
  show(label, () => structuredClone('v', opts));
}
{
  const a = new ArrayBuffer(4);
  const b = new ArrayBuffer(2);
  const out = structuredClone({ a, b }, { transfer: { *[Symbol.iterator]() { yield a; yield b; } } });
  console.log('iterable transfer', out.a.byteLength, out.b.byteLength, a.detached, b.detached);
}
show('no arguments', () => structuredClone());
