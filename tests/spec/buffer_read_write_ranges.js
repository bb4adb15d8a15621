// Numeric reads and writes: values, and Node's errors (code, type and message) for bad
// offsets, byte lengths and values.
const attempt = (label, fn) => {
  try {
    const r = fn();
    console.log(label, '->', typeof r === 'bigint' ? `${r}n` : r);
  } catch (e) {
    console.log(label, '!', e.name, e.code, e.message);
  }
};

const b = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0xff, 0x80]);
for (const m of ['readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE',
  'readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE', 'readFloatLE', 'readFloatBE',
  'readDoubleLE', 'readDoubleBE', 'readBigUInt64LE', 'readBigUInt64BE', 'readBigInt64LE', 'readBigInt64BE']) {
  attempt(`${m}()`, () => b[m]());
  attempt(`${m}(2)`, () => b[m](2));
  attempt(`${m}(8)`, () => b[m](8));
  attempt(`${m}(1.5)`, () => b[m](1.5));
  attempt(`${m}('1')`, () => b[m]('1'));
  attempt(`${m}(-1)`, () => b[m](-1));
}
for (const n of [1, 2, 3, 4, 5, 6]) {
  attempt(`readUIntLE(4, ${n})`, () => b.readUIntLE(4, n));
  attempt(`readUIntBE(4, ${n})`, () => b.readUIntBE(4, n));
  attempt(`readIntLE(4, ${n})`, () => b.readIntLE(4, n));
  attempt(`readIntBE(4, ${n})`, () => b.readIntBE(4, n));
  attempt(`readIntBE(8, ${n})`, () => b.readIntBE(8, n));
}
attempt('readUIntLE(0, 7)', () => b.readUIntLE(0, 7));
attempt('readUIntLE(0, 0)', () => b.readUIntLE(0, 0));
attempt('readUIntLE(0, 1.5)', () => b.readUIntLE(0, 1.5));
attempt('readUIntLE(0)', () => b.readUIntLE(0));
attempt('readUIntLE()', () => b.readUIntLE());
attempt('readIntLE(0, "2")', () => b.readIntLE(0, '2'));
attempt('empty readUInt8()', () => Buffer.alloc(0).readUInt8());
attempt('empty readUInt32LE()', () => Buffer.alloc(0).readUInt32LE());
attempt('short readDoubleLE()', () => Buffer.alloc(4).readDoubleLE());

const w = Buffer.alloc(8);
const writes = [
  ['writeUInt8', [255], [256], [-1]],
  ['writeInt8', [-128], [128], [-129]],
  ['writeUInt16LE', [0xffff], [0x10000], [-1]],
  ['writeUInt16BE', [0x1234], [0x10000], [1.5]],
  ['writeInt16LE', [-0x8000], [0x8000], [-0x8001]],
  ['writeInt16BE', [-2], [0x8000], [NaN]],
  ['writeUInt32LE', [0xffffffff], [2 ** 32], [-1]],
  ['writeUInt32BE', [0xdeadbeef], [2 ** 32], [-0.5]],
  ['writeInt32LE', [-1], [2 ** 31], [-(2 ** 31) - 1]],
  ['writeInt32BE', [0x7fffffff], [2 ** 31], ['x']],
  ['writeFloatLE', [1.5], [NaN], [Infinity]],
  ['writeFloatBE', [-0.1], [1e40], ['2']],
  ['writeDoubleLE', [Math.PI], [-0], ['nope']],
  ['writeDoubleBE', [1e308], [5e-324], [null]],
  ['writeBigUInt64LE', [2n ** 64n - 1n], [2n ** 64n], [-1n]],
  ['writeBigUInt64BE', [0x0102030405060708n], [2n ** 64n], [-1n]],
  ['writeBigInt64LE', [-(2n ** 63n)], [2n ** 63n], [-(2n ** 63n) - 1n]],
  ['writeBigInt64BE', [-2n], [2n ** 63n], [-(2n ** 63n) - 1n]],
];
for (const [m, ...cases] of writes) {
  for (const [v] of cases) {
    w.fill(0);
    attempt(`${m}(${typeof v === 'bigint' ? `${v}n` : String(v)})`, () => [w[m](v, 0), [...w].join(',')].join(' '));
  }
  attempt(`${m} at 8`, () => w[m](typeof cases[0][0] === 'bigint' ? 1n : 1, 8));
  attempt(`${m} at 1.5`, () => w[m](typeof cases[0][0] === 'bigint' ? 1n : 1, 1.5));
  attempt(`${m} at '0'`, () => w[m](typeof cases[0][0] === 'bigint' ? 1n : 1, '0'));
}
for (const n of [1, 2, 3, 4, 5, 6]) {
  for (const [m, v] of [['writeUIntLE', 2 ** (8 * n) - 1], ['writeUIntBE', 2 ** (8 * n)], ['writeIntLE', -(2 ** (8 * n - 1))],
    ['writeIntBE', 2 ** (8 * n - 1)], ['writeIntLE', -(2 ** (8 * n - 1)) - 1], ['writeUIntLE', -1]]) {
    w.fill(0);
    attempt(`${m}(${v}, 1, ${n})`, () => [w[m](v, 1, n), [...w].join(',')].join(' '));
  }
}
attempt('writeUIntLE(1, 0, 7)', () => w.writeUIntLE(1, 0, 7));
attempt('writeIntBE(1, 0)', () => w.writeIntBE(1, 0));
attempt('writeUIntBE(1, 4, 6)', () => w.writeUIntBE(1, 4, 6));
attempt('writeBigInt64LE(1)', () => w.writeBigInt64LE(1));
// Lower-case aliases are the same functions.
console.log(Buffer.prototype.readUint32LE === Buffer.prototype.readUInt32LE, Buffer.prototype.writeUint8 === Buffer.prototype.writeUInt8);
// They work on any Uint8Array.
console.log(Buffer.prototype.readUInt16BE.call(new Uint8Array([1, 2]), 0));
