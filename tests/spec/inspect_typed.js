const util = require('util');
const p = (v, o) => console.log(util.inspect(v, o));

p(new Uint8Array(0)); p(new Int16Array([1, -2, 3])); p(new Float32Array([0.5, 1.25]));
p(new BigInt64Array([1n, -1n])); p(new Uint8Array(120));
p(new DataView(new ArrayBuffer(4), 1)); p(new ArrayBuffer(0)); p(Buffer.from('hi'));
p(new Uint8Array([1, 2]), { showHidden: true });
