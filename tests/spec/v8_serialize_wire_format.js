'use strict';
// v8.serialize writes V8's wire format (version 15): the bytes of each kind of value, and what
// v8.deserialize reads back.
const v8 = require('v8');

const hex = (value) => {
  try {
    return v8.serialize(value).toString('hex');
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
};
const shared = {};
const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
const withProps = [1, 2];
withProps.x = 5;
const error = new RangeError('m', { cause: 1 });
error.stack = 'S';
const values = {
  undefined: undefined, null: null, true: true, false: false,
  int: 1, negative: -1, max: 2 ** 31 - 1, min: -(2 ** 31), over: 2 ** 31, half: 1.5, negZero: -0, nan: NaN, big: 2 ** 40,
  bigZero: 0n, bigMinusOne: -1n, big64: 2n ** 64n,
  ascii: 'ab', latin1: 'é', twoByte: '€', mixed: 'é€', paddedTwoByte: 'xa€', long: 'x'.repeat(200),
  object: { a: 1, b: 'x' }, indexKeys: { 1: 2, a: 3, [2 ** 32]: 1, [2 ** 31]: 1 }, twoByteKey: { '€': 'é' },
  dense: [1, 2], sparse, holes: new Array(3), withProps, shared: [shared, shared],
  date: new Date(0), regexp: /x/gimsuyd, map: new Map([[1, 'a'], ['b', {}]]), set: new Set([1, 'x']),
  numberObject: new Number(1), stringObject: new String('ab'), trueObject: Object(true), falseObject: Object(false),
  bigintObject: Object(1n),
  arrayBuffer: new ArrayBuffer(2), buffer: Buffer.from('ab'), uint8: new Uint8Array([1, 2]),
  subarray: new Uint8Array([1, 2, 3]).subarray(1), float64: new Float64Array([1.5]),
  dataView: new DataView(new ArrayBuffer(3)), error,
  fn: () => {}, symbol: Symbol('x'), promise: Promise.resolve(), weakMap: new WeakMap(),
};
for (const T of [Int8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array,
  BigInt64Array, BigUint64Array]) values[T.name] = new T(2);
for (const [name, value] of Object.entries(values)) console.log(name, hex(value));

const all = Object.fromEntries(Object.entries(values).filter(([k]) =>
  !['fn', 'symbol', 'promise', 'weakMap', 'error', 'dataView'].includes(k)));
const back = v8.deserialize(v8.serialize(all));
console.log(back);
console.log(back.shared[0] === back.shared[1], back.buffer instanceof Buffer, Object.is(back.negZero, -0));
const e = v8.deserialize(v8.serialize(error));
console.log(e instanceof RangeError, e.message, e.stack, e.cause);
const dv = v8.deserialize(v8.serialize(values.dataView));
console.log(dv instanceof DataView, dv.byteLength);
console.log(v8.deserialize(Buffer.from('ff0d30', 'hex')), v8.deserialize(Buffer.from('ff0f5c0a026162', 'hex')));
console.log(v8.deserialize(new Uint8Array(v8.serialize('in a Uint8Array'))));
for (const bytes of [[1, 2], [0xff, 0x0f], [0xff, 0x10, 0x30], [0xff, 0x0f, 0x6f, 0x22], [0xff, 0x0f, 0x99]]) {
  try {
    v8.deserialize(Buffer.from(bytes));
  } catch (err) {
    console.log(bytes, err.name, err.message);
  }
}
for (const bad of ['x', 1, {}, new ArrayBuffer(1)]) {
  try {
    v8.deserialize(bad);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
