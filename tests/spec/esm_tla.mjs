console.log('before');
const v = await new Promise((r) => setTimeout(() => r('awaited'), 5));
console.log(v);
const { value } = await import('./fixtures/esm/lib.mjs');
console.log(value);
