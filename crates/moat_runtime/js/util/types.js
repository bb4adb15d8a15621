'use strict';
// node:util/types — brand checks.

const tag = (v) => Object.prototype.toString.call(v);
const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
const isTypedArray = (v) => ArrayBuffer.isView(v) && !(v instanceof DataView);
const ta = (name) => (v) => isTypedArray(v) && typedArrayTag.call(v) === name;

module.exports = {
  isAnyArrayBuffer: (v) => v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer),
  isArrayBuffer: (v) => v instanceof ArrayBuffer,
  isSharedArrayBuffer: (v) => typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer,
  isArrayBufferView: (v) => ArrayBuffer.isView(v),
  isArgumentsObject: (v) => tag(v) === '[object Arguments]',
  isAsyncFunction: (v) => typeof v === 'function' && (tag(v) === '[object AsyncFunction]' || tag(v) === '[object AsyncGeneratorFunction]'),
  isGeneratorFunction: (v) => typeof v === 'function' && (tag(v) === '[object GeneratorFunction]' || tag(v) === '[object AsyncGeneratorFunction]'),
  isGeneratorObject: (v) => tag(v) === '[object Generator]',
  isBigIntObject: (v) => typeof v === 'object' && tag(v) === '[object BigInt]',
  isBooleanObject: (v) => typeof v === 'object' && v instanceof Boolean,
  isNumberObject: (v) => typeof v === 'object' && v instanceof Number,
  isStringObject: (v) => typeof v === 'object' && v instanceof String,
  isSymbolObject: (v) => typeof v === 'object' && tag(v) === '[object Symbol]',
  isBoxedPrimitive: (v) => typeof v === 'object' && v !== null && ['[object Number]', '[object String]', '[object Boolean]', '[object BigInt]', '[object Symbol]'].includes(tag(v)),
  isDataView: (v) => v instanceof DataView,
  isDate: (v) => v instanceof Date,
  isMap: (v) => v instanceof Map,
  isSet: (v) => v instanceof Set,
  isWeakMap: (v) => v instanceof WeakMap,
  isWeakSet: (v) => v instanceof WeakSet,
  isMapIterator: (v) => tag(v) === '[object Map Iterator]',
  isSetIterator: (v) => tag(v) === '[object Set Iterator]',
  isNativeError: (v) => v instanceof Error,
  isPromise: (v) => v instanceof Promise,
  isProxy: (v) => internalBinding('util').getProxyDetails(v) !== undefined,
  isRegExp: (v) => v instanceof RegExp,
  isModuleNamespaceObject: (v) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === null && v[Symbol.toStringTag] === 'Module',
  isTypedArray,
  isUint8Array: ta('Uint8Array'), isUint8ClampedArray: ta('Uint8ClampedArray'), isUint16Array: ta('Uint16Array'),
  isUint32Array: ta('Uint32Array'), isInt8Array: ta('Int8Array'), isInt16Array: ta('Int16Array'),
  isInt32Array: ta('Int32Array'), isFloat16Array: ta('Float16Array'), isFloat32Array: ta('Float32Array'),
  isFloat64Array: ta('Float64Array'), isBigInt64Array: ta('BigInt64Array'), isBigUint64Array: ta('BigUint64Array'),
  isKeyObject: () => false,
  isCryptoKey: () => false,
  isExternal: () => false,
};
